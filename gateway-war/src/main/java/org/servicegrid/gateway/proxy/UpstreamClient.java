package org.servicegrid.gateway.proxy;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import org.servicegrid.gateway.GatewayConfig;
import org.servicegrid.protocol.ServiceInfo;

/**
 * The one HTTP client every forwarded request goes through: the JDK {@link HttpClient}, created once so its
 * pooled HTTP/1.1 connections are reused across requests (a client per request would pay a TCP handshake
 * each time). MP Rest Client is built for typed calls, not for relaying arbitrary methods and byte streams.
 *
 * <p>Threads: the client's selector thread hands each step of an exchange (parsing headers, delivering body
 * chunks) to an executor, and the request thread waits for those steps. That executor must never be the pool
 * the waiting request threads occupy: on Liberty's shared default executor, which every managed executor
 * service uses, bursts of 50 (and, right after a restart, 16) concurrent forwards held its threads while the
 * steps they waited for sat queued behind them, and requests timed out with 504 until the pool grew. So the
 * client gets a small pool of its own whose threads come from the container's {@link ManagedThreadFactory}:
 * managed threads, never taken by request threads, shut down with the application. Its tasks never block:
 * the request body is fed by the request thread ({@link BodyPump}), response chunks are only queued
 * ({@link UpstreamBody}). The JDK keeps one selector thread of its own per client, which cannot be supplied.
 */
@ApplicationScoped
public class UpstreamClient {

  /** Parsing and delivery are short, non-blocking tasks: a few threads serve many concurrent requests. */
  private static final int CLIENT_THREADS = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());

  @Resource ManagedThreadFactory threadFactory;
  @Inject GatewayConfig config;

  private volatile HttpClient http;
  private ExecutorService clientThreads;

  @PostConstruct
  void start() {
    clientThreads = Executors.newFixedThreadPool(CLIENT_THREADS, threadFactory);
    http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1) // never attempt an h2c upgrade on plain HTTP
        .connectTimeout(config.connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER) // redirects belong to the client, not the gateway
        .proxy(HttpClient.Builder.NO_PROXY)
        .executor(clientThreads)
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
    http = null; // Java 17's client has no close(): it and its selector thread end once unreferenced
    clientThreads.shutdown();
  }
}
