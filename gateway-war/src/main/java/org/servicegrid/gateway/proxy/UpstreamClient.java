package org.servicegrid.gateway.proxy;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import org.servicegrid.gateway.GatewayConfig;
import org.servicegrid.protocol.ServiceInfo;

/**
 * The one HTTP client every forwarded request goes through: the JDK {@link HttpClient}, created once so its
 * pooled HTTP/1.1 connections are reused across requests (a client per request would pay a TCP handshake
 * each time). MP Rest Client is built for typed calls, not for relaying arbitrary methods and byte streams.
 *
 * <p>Threads: the client's own selector thread reads responses and hands each step (parsing headers,
 * delivering body chunks) to the executor given here. Those steps never block: the request body is fed by
 * the request thread ({@link BodyPump}) and response chunks are only queued ({@link UpstreamBody}). So
 * they run right where they are handed over instead of on a pool. Handing them to the container's managed
 * executor was tried first and measured: request threads then wait for tasks queued on the very pool they
 * occupy, and a burst after a restart stalled every request until the response timeout (504s), besides
 * costing more CPU per request. No thread is created besides the JDK's one selector thread, which cannot be
 * supplied. Java 17's client has no {@code close()}: it and that thread end once the client is
 * unreferenced, which {@link #stop} arranges.
 */
@ApplicationScoped
public class UpstreamClient {

  /** Runs each hand-over where it is made; see the class comment for why that is safe here. */
  private static final Executor IN_PLACE = Runnable::run;

  @Inject GatewayConfig config;

  private volatile HttpClient http;

  @PostConstruct
  void start() {
    http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1) // never attempt an h2c upgrade on plain HTTP
        .connectTimeout(config.connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER) // redirects belong to the client, not the gateway
        .proxy(HttpClient.Builder.NO_PROXY)
        .executor(IN_PLACE)
        .build();
  }

  /**
   * The request to one instance: same method, {@code http://{Addr}{target}}, the given headers and body, and
   * {@code gateway.response-timeout} until the status line and headers.
   *
   * @throws IllegalArgumentException when the target or a header cannot be sent (not valid HTTP)
   */
  public HttpRequest request(ServiceInfo instance, Route route, String method,
      Map<String, List<String>> headers, HttpRequest.BodyPublisher body) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(instance.baseUrl() + route.target()))
        .timeout(config.responseTimeout())
        .method(method, body);
    headers.forEach((name, values) -> values.forEach(value -> builder.header(name, value)));
    return builder.build();
  }

  /**
   * Sends the request, feeding its body from this thread, and returns once the response headers arrived;
   * the response body is then pulled as it comes.
   *
   * @throws ClientBodyException when the client's body could not be read
   * @throws IOException when the upstream could not be reached or did not answer in time
   */
  public HttpResponse<Flow.Publisher<List<ByteBuffer>>> send(HttpRequest request)
      throws IOException, InterruptedException {
    HttpClient current = http;
    if (current == null) {
      throw new IOException("the gateway is stopping");
    }
    CompletableFuture<HttpResponse<Flow.Publisher<List<ByteBuffer>>>> exchange =
        current.sendAsync(request, BodyHandlers.ofPublisher());
    try {
      if (request.bodyPublisher().orElse(null) instanceof BodyPump pump) {
        pump.pump(exchange);
      }
      return exchange.get();
    } catch (ClientBodyException | InterruptedException e) {
      exchange.cancel(true);
      throw e;
    } catch (ExecutionException e) {
      throw asIoException(e.getCause());
    }
  }

  private static IOException asIoException(Throwable failure) {
    Throwable cause = failure;
    while (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause instanceof IOException io ? io : new IOException(cause);
  }

  @PreDestroy
  void stop() {
    http = null;
  }
}
