package org.servicegrid.registry.heartbeat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadFactory;
import javax.net.ssl.HttpsURLConnection;
import org.servicegrid.protocol.Transport;
import org.servicegrid.protocol.tracing.TraceParent;

/**
 * Asks the instances at one address for their heart-beat: {@code GET http://{Addr}/heart-beat}
 * (https with {@code servicegrid.tls}) must answer 200 within the configured timeouts.
 *
 * <p>Every address is checked every period, so this is the registry's hottest outbound path. Over
 * HTTP the probes go through the {@link HttpProber}: one selector thread, a connection kept alive
 * per address, no thread held while a probe waits. Over HTTPS a probe still blocks a thread of
 * {@code blocking} on the JDK's {@code HttpsURLConnection} (whose keep-alive cache reuses one
 * connection per address): Liberty makes its SSL configuration the JVM's default socket factory,
 * which that client takes, but not the default {@code SSLContext}, which a non-blocking client
 * would need.
 *
 * <p>Liberty does not trace these clients, so a probe makes no span here. With tracing on, each
 * probe also carries a {@code traceparent} of a random trace that is not sampled, so that the
 * probed instance, whose sampler follows its parent, records none either: heart-beats would be most
 * of every trace store's spans and tell nothing.
 */
final class HeartBeatProbe implements HeartBeatChecker.Probe {

  private final Transport transport;
  private final boolean untraced;
  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final Executor blocking;
  private final HttpProber prober;

  /**
   * Starts the prober's thread (plain HTTP) from {@code threads}.
   *
   * @param untraced send each probe with an unsampled traceparent (true while this server traces)
   * @param blocking runs each blocking probe (HTTPS)
   */
  HeartBeatProbe(
      HeartBeatSettings settings, boolean untraced, Executor blocking, ThreadFactory threads)
      throws IOException {
    this.transport = settings.transport();
    this.untraced = untraced;
    this.connectTimeout = settings.connectTimeout();
    this.readTimeout = settings.readTimeout();
    this.blocking = blocking;
    if (transport.secure()) {
      this.prober = null;
    } else {
      this.prober =
          new HttpProber(connectTimeout, readTimeout, untraced ? TraceParent::unsampled : null);
      Thread thread = threads.newThread(prober);
      thread.setName("registry-heart-beats");
      thread.start();
    }
  }

  @Override
  public CompletableFuture<Void> beat(String address) {
    return prober != null
        ? prober.beat(address)
        : CompletableFuture.runAsync(() -> blockingBeat(address), blocking);
  }

  /** Stops the prober: probes in flight fail, connections close. */
  void stop() {
    if (prober != null) {
      prober.stop();
    }
  }

  private static void requireOk(int status) {
    if (status != HttpURLConnection.HTTP_OK) {
      throw new UncheckedIOException(new IOException("heart-beat answered HTTP " + status));
    }
  }

  private void blockingBeat(String address) {
    try {
      URL url = URI.create(transport.baseUrl(address) + "/heart-beat").toURL();
      HttpURLConnection connection = (HttpURLConnection) url.openConnection(Proxy.NO_PROXY);
      if (connection instanceof HttpsURLConnection https) {
        https.setSSLSocketFactory(
            transport.socketFactory()); // host names verified: the default verifier stays
      }
      connection.setConnectTimeout(Math.toIntExact(connectTimeout.toMillis()));
      connection.setReadTimeout(Math.toIntExact(readTimeout.toMillis()));
      connection.setUseCaches(false);
      if (untraced) {
        connection.setRequestProperty("traceparent", TraceParent.unsampled());
      }
      int status = connection.getResponseCode();
      // Reading the body to its end hands the connection back to the keep-alive cache.
      try (InputStream body =
          status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
        if (body != null) {
          body.readAllBytes();
        }
      }
      requireOk(status);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
