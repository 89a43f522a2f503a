package org.servicegrid.registry.heartbeat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import javax.net.ssl.HttpsURLConnection;
import org.servicegrid.protocol.Transport;
import org.servicegrid.protocol.tracing.TraceParent;

/**
 * Asks the instances at one address for their heart-beat: {@code GET http://{Addr}/heart-beat}
 * (https with {@code servicegrid.tls}) must answer 200 within the configured timeouts.
 *
 * <p>Every address is checked every period, so this is the registry's hottest outbound path. Over
 * HTTP it is the JDK's non-blocking {@link HttpClient} on HTTP/1.1 connections kept alive from one
 * round to the next: a probe in flight holds no thread, so thousands of addresses cost a few
 * threads, and the client's connect timeout and a request timeout of the read timeout (which covers
 * the whole exchange, connecting included) bound each probe. Over HTTPS the probe still blocks a
 * thread of {@code blocking} on the JDK's {@code HttpsURLConnection} (whose keep-alive cache reuses
 * one connection per address): Liberty makes its SSL configuration the JVM's default socket
 * factory, which that client takes, but not the default {@code SSLContext}, which {@code
 * HttpClient} would need.
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
  private final HttpClient client;
  private final Executor blocking;

  /**
   * @param untraced send each probe with an unsampled traceparent (true while this server traces)
   * @param executor runs the HTTP client's work (HTTP), or each blocking probe (HTTPS)
   */
  HeartBeatProbe(HeartBeatSettings settings, boolean untraced, Executor executor) {
    this.transport = settings.transport();
    this.untraced = untraced;
    this.connectTimeout = settings.connectTimeout();
    this.readTimeout = settings.readTimeout();
    this.blocking = executor;
    this.client =
        transport.secure()
            ? null
            : HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .proxy(HttpClient.Builder.NO_PROXY)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(connectTimeout)
                .executor(executor)
                .build();
  }

  @Override
  public CompletableFuture<Void> beat(String address) {
    if (client == null) {
      return CompletableFuture.runAsync(() -> blockingBeat(address), blocking);
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(transport.baseUrl(address) + "/heart-beat"))
            .timeout(readTimeout)
            .GET();
    if (untraced) {
      request.header("traceparent", TraceParent.unsampled());
    }
    return client
        .sendAsync(request.build(), HttpResponse.BodyHandlers.discarding())
        .thenAccept(response -> requireOk(response.statusCode()));
  }

  private static void requireOk(int status) {
    if (status != HttpURLConnection.HTTP_OK) {
      throw new CompletionException(new IOException("heart-beat answered HTTP " + status));
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
