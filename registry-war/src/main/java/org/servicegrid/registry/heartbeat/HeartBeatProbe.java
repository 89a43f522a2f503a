package org.servicegrid.registry.heartbeat;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
import java.net.URL;
import javax.net.ssl.HttpsURLConnection;
import org.servicegrid.protocol.Transport;
import org.servicegrid.protocol.tracing.TraceParent;

/**
 * Asks the instances at one address for their heart-beat: {@code GET http://{Addr}/heart-beat}
 * (https with {@code servicegrid.tls}) must answer 200 within the configured connect and read
 * timeouts.
 *
 * <p>Every address is checked every period, so this is the registry's hottest outbound path. It
 * uses the JDK's plain HTTP client, whose keep-alive cache reuses one connection per address,
 * instead of an MP Rest Client, whose proxy and invocation layers cost more than the call itself
 * for a request that carries no entity (profile in bench/README.md). Notifications, which carry
 * ServiceInfo bodies, stay on MP Rest Client.
 *
 * <p>Liberty does not trace this client, so a probe makes no span here. With tracing on, each probe
 * also carries a {@code traceparent} of a random trace that is not sampled, so that the probed
 * instance, whose sampler follows its parent, records none either: heart-beats would be most of
 * every trace store's spans and tell nothing.
 */
final class HeartBeatProbe implements HeartBeatChecker.Probe {

  private final int connectTimeoutMillis;
  private final int readTimeoutMillis;
  private final Transport transport;
  private final boolean untraced;

  /**
   * @param untraced send each probe with an unsampled traceparent (true while this server traces)
   */
  HeartBeatProbe(HeartBeatSettings settings, boolean untraced) {
    this.transport = settings.transport();
    this.untraced = untraced;
    this.connectTimeoutMillis = Math.toIntExact(settings.connectTimeout().toMillis());
    this.readTimeoutMillis = Math.toIntExact(settings.readTimeout().toMillis());
  }

  @Override
  public void beat(String address) throws IOException {
    URL url = URI.create(transport.baseUrl(address) + "/heart-beat").toURL();
    HttpURLConnection connection = (HttpURLConnection) url.openConnection(Proxy.NO_PROXY);
    if (connection instanceof HttpsURLConnection https) {
      https.setSSLSocketFactory(
          transport.socketFactory()); // host names verified: the default verifier stays
    }
    connection.setConnectTimeout(connectTimeoutMillis);
    connection.setReadTimeout(readTimeoutMillis);
    connection.setUseCaches(false);
    if (untraced) {
      connection.setRequestProperty("traceparent", TraceParent.unsampled());
    }
    int status = connection.getResponseCode();
    // Reading the body to its end hands the connection back to the keep-alive cache for the next
    // round.
    try (InputStream body =
        status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
      if (body != null) {
        body.readAllBytes();
      }
    }
    if (status != HttpURLConnection.HTTP_OK) {
      throw new IOException("heart-beat answered HTTP " + status);
    }
  }
}
