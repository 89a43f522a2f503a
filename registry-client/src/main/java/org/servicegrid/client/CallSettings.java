package org.servicegrid.client;

import java.time.Duration;

/**
 * The timeouts ({@code registry.client.connect-timeout}, {@code read-timeout}) and the caller name
 * ({@code X-Service-Name}) of this instance's outbound calls, so calls made with an application's own HTTP
 * client behave like those made through {@link ServiceInstances#client}.
 */
public record CallSettings(Duration connectTimeout, Duration readTimeout, String callerName) {}
