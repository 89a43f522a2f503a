package org.servicegrid.client;

import java.time.Duration;
import org.servicegrid.protocol.Transport;

/**
 * The timeouts ({@code registry.client.connect-timeout}, {@code read-timeout}), the caller name
 * ({@code X-Service-Name}) and the transport ({@code servicegrid.tls}: the scheme, and with HTTPS
 * the TLS sockets) of this instance's outbound calls, so calls made with an application's own HTTP
 * client behave like those made through {@link ServiceInstances#client}.
 */
public record CallSettings(
    Duration connectTimeout, Duration readTimeout, String callerName, Transport transport) {}
