package org.servicegrid.gateway.proxy;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Flow;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.servicegrid.client.ServiceInstances;
import org.servicegrid.gateway.GatewayConfig;
import org.servicegrid.gateway.catalog.ServiceCatalog;
import org.servicegrid.protocol.ServiceInfo;

/**
 * Forwards one request to a live instance of its service and relays the answer: 404 for a name the registry
 * does not know, 503 when it knows none alive (or cannot be asked), and after a failed attempt either
 * another instance (see {@link RetryPolicy}) or 502/504. Each request runs on its own container thread,
 * which blocks while the upstream works; the pooled client keeps that cheap at the expected concurrency.
 */
@ApplicationScoped
public class Forwarder {

  private static final Logger LOG = Logger.getLogger(Forwarder.class.getName());

  @Inject ServiceCatalog catalog;
  @Inject ServiceInstances instances;
  @Inject UpstreamClient upstream;
  @Inject GatewayConfig config;
  @Inject GatewayMetrics metrics;

  private RetryPolicy retryPolicy;

  @PostConstruct
  void init() {
    retryPolicy = new RetryPolicy(config.retries());
  }

  public void forward(Route route, HttpServletRequest request, HttpServletResponse response) throws IOException {
    String service = route.service();
    switch (catalog.lookup(service)) {
      case ROUTABLE -> metrics.answered(service, exchange(route, request, response));
      case UNKNOWN -> refuse(response, 404, "unknown service '" + service + "'");
      case REGISTRY_UNREACHABLE -> refuse(response, 503,
          "cannot resolve service '" + service + "': " + catalog.snapshot().problem());
    }
  }

  /** Tries instances until one answers or the retry policy gives up; returns the status sent. */
  private int exchange(Route route, HttpServletRequest request, HttpServletResponse response) throws IOException {
    String method = request.getMethod();
    RequestBody body = new RequestBody(request::getInputStream, request.getContentLengthLong(),
        request.getHeader("Transfer-Encoding") != null);
    Map<String, List<String>> headers =
        RequestHeaders.forUpstream(headersOf(request), request.getRemoteAddr(), request.getScheme());
    for (int attempt = 0; ; attempt++) {
      Optional<ServiceInfo> instance = instances.pick(route.service());
      if (instance.isEmpty()) {
        return attempt == 0
            ? error(response, 503, "no live instance of service '" + route.service() + "'")
            : error(response, 502, "no reachable instance of service '" + route.service() + "'");
      }
      HttpRequest outbound;
      try {
        outbound = upstream.request(instance.get(), route, method, headers, body.publisher());
      } catch (IllegalArgumentException e) {
        return error(response, 400, "request cannot be forwarded: " + e.getMessage());
      }
      long started = System.nanoTime();
      HttpResponse<Flow.Publisher<List<ByteBuffer>>> answer;
      try {
        answer = upstream.send(outbound);
      } catch (ClientBodyException e) {
        LOG.log(Level.FINE, "{0} {1}: {2}", new Object[] {method, outbound.uri(), e.getMessage()});
        return error(response, 400, e.getMessage());
      } catch (IOException e) {
        UpstreamFailure failure = UpstreamFailure.of(e);
        if (failure.unreached()) {
          instances.reportFailure(instance.get());
        }
        if (retryPolicy.shouldRetry(method, attempt, failure, body.started())) {
          metrics.retried(route.service());
          LOG.log(Level.FINE, "{0} {1}: retrying after {2}", new Object[] {method, outbound.uri(), failure});
          continue;
        }
        LOG.log(Level.WARNING, "{0} {1} failed: {2} ({3})",
            new Object[] {method, outbound.uri(), failure, rootCause(e)});
        return error(response, failure.status(), failure.message());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return error(response, 503, "the gateway is stopping");
      }
      metrics.upstreamLatency(route.service(), System.nanoTime() - started);
      return ResponseRelay.relay(answer, response, config.readTimeout());
    }
  }

  private void refuse(HttpServletResponse response, int status, String message) throws IOException {
    LOG.log(Level.FINE, "Refused with {0}: {1}", new Object[] {status, message});
    metrics.answered(GatewayMetrics.UNROUTED, error(response, status, message));
  }

  private static int error(HttpServletResponse response, int status, String message) throws IOException {
    ErrorWriter.write(response, status, message);
    return status;
  }

  /** The innermost cause as one line: the JDK client wraps its failures, often without a message. */
  private static String rootCause(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getName() : root.getClass().getName() + ": " + root.getMessage();
  }

  private static Map<String, List<String>> headersOf(HttpServletRequest request) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String name : Collections.list(request.getHeaderNames())) {
      headers.put(name, Collections.list(request.getHeaders(name)));
    }
    return headers;
  }
}
