package org.servicegrid.gateway.proxy;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ContextServiceDefinition;
import jakarta.enterprise.concurrent.ManagedExecutorDefinition;
import jakarta.enterprise.concurrent.ManagedExecutorService;
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
import java.util.concurrent.Flow;
import org.servicegrid.gateway.GatewayConfig;
import org.servicegrid.protocol.ServiceInfo;

/**
 * The one HTTP client every forwarded request goes through: the JDK {@link HttpClient}, created once so its
 * pooled HTTP/1.1 connections are reused across requests (a client per request would pay a TCP handshake
 * each time). MP Rest Client is built for typed calls, not for relaying arbitrary methods and byte streams.
 *
 * <p>Threads: the client hands work from its selector thread (parsing a response, delivering body chunks)
 * to an executor; that executor is a container-managed one, so the work is bounded and visible to the
 * server like any other. It is defined here without context propagation: those tasks run only JDK and
 * queueing code, and capturing the application's context for each of them (several per request) was
 * measured at about twice the cost per task of the default managed executor. The JDK still keeps one
 * selector thread of its own per client, which cannot be supplied. Java 17's client has no
 * {@code close()}: it and that thread end once the client is unreferenced, which {@link #stop} arranges.
 */
@ContextServiceDefinition(name = UpstreamClient.NO_CONTEXT,
    propagated = {}, cleared = {}, unchanged = ContextServiceDefinition.ALL_REMAINING)
@ManagedExecutorDefinition(name = UpstreamClient.EXECUTOR, context = UpstreamClient.NO_CONTEXT)
@ApplicationScoped
public class UpstreamClient {

  static final String NO_CONTEXT = "java:app/concurrent/gatewayNoContext";
  static final String EXECUTOR = "java:app/concurrent/gatewayUpstreamExecutor";

  @Resource(lookup = EXECUTOR)
  ManagedExecutorService executor;

  @Inject GatewayConfig config;

  private volatile HttpClient http;

  @PostConstruct
  void start() {
    http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1) // never attempt an h2c upgrade on plain HTTP
        .connectTimeout(config.connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER) // redirects belong to the client, not the gateway
        .proxy(HttpClient.Builder.NO_PROXY)
        .executor(executor)
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

  /** Sends the request and returns once the headers arrived; the body is then pulled as it comes. */
  public HttpResponse<Flow.Publisher<List<ByteBuffer>>> send(HttpRequest request)
      throws IOException, InterruptedException {
    HttpClient current = http;
    if (current == null) {
      throw new IOException("the gateway is stopping");
    }
    return current.send(request, BodyHandlers.ofPublisher());
  }

  @PreDestroy
  void stop() {
    http = null;
  }
}
