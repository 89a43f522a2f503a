package org.servicegrid.gateway.proxy;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.servicegrid.client.ServiceInstances;
import org.servicegrid.client.Versions;
import org.servicegrid.gateway.catalog.Route;
import org.servicegrid.gateway.catalog.ServiceCatalog;
import org.servicegrid.gateway.catalog.canary.VersionRouting;
import org.servicegrid.gateway.guard.LimitSettings;
import org.servicegrid.gateway.guard.Refusal;
import org.servicegrid.gateway.guard.ServiceBulkhead;
import org.servicegrid.protocol.InvalidRequestException;
import org.servicegrid.protocol.ServiceInfo;
import org.servicegrid.protocol.servlet.ErrorWriter;
import org.servicegrid.protocol.tracing.Tracing;

/**
 * Forwards one request to a live instance of its service, of the versions {@link VersionRouting}
 * allows, and relays the answer: 404 for a name the registry does not know, 503 when it knows none
 * alive (or cannot be asked, or none of a version asked for without fallback), a {@link Refusal}
 * (431, 508, 413, 503) when the request is over a limit, and after a failed attempt either another
 * instance (see {@link RetryPolicy}) or 502/503/504. Each request runs on its own container thread,
 * which blocks while the upstream works and streams both bodies itself; no other thread takes part.
 */
@ApplicationScoped
public class Forwarder {

  private static final Logger LOG = Logger.getLogger(Forwarder.class.getName());

  @Inject ServiceCatalog catalog;
  @Inject ServiceInstances instances;
  @Inject UpstreamClient upstream;
  @Inject UpstreamSettings upstreamSettings;
  @Inject ForwardingSettings forwarding;
  @Inject LimitSettings limits;
  @Inject GatewayMetrics metrics;
  @Inject ServiceBulkhead bulkhead;
  @Inject Tracing tracing;
  @Inject VersionRouting versionRouting;

  private RetryPolicy retryPolicy;
  private RequestHeaders requestHeaders;
  private String retryAfter;

  @PostConstruct
  void init() {
    retryPolicy = new RetryPolicy(upstreamSettings.retries());
    requestHeaders =
        new RequestHeaders(forwarding.trustedProxies(), forwarding.via(), tracing.enabled());
    retryAfter = Integer.toString(limits.retryAfter());
  }

  public void forward(Route route, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String service = route.service();
    ForwardTrace trace =
        ForwardTrace.start(
            tracing, forwarding.trustedProxies().contains(request.getRemoteAddr()), request, route);
    int status = HttpServletResponse.SC_INTERNAL_SERVER_ERROR; // unless an answer is sent
    try {
      status =
          switch (catalog.lookup(service)) {
            case ROUTABLE -> {
              int sent = admit(route, request, response, trace);
              metrics.answered(service, sent);
              yield sent;
            }
            case UNKNOWN -> refuse(response, 404, "unknown service '" + service + "'");
            case REGISTRY_UNREACHABLE ->
                refuse(
                    response,
                    503,
                    "cannot resolve service '" + service + "': " + catalog.snapshot().problem());
          };
    } finally {
      trace.end(status);
    }
  }

  /**
   * Refuses a request over a limit before anything is forwarded, else exchanges it within one of
   * the service's slots; returns the status sent.
   */
  private int admit(
      Route route, HttpServletRequest request, HttpServletResponse response, ForwardTrace trace)
      throws IOException {
    String service = route.service();
    RequestHeaders.Outgoing headers =
        requestHeaders.forUpstream(
            request.getHeaderNames(),
            request::getHeaders,
            new RequestHeaders.Client(
                request.getRemoteAddr(),
                request.getScheme(),
                request.getProtocol(),
                request.getLocalPort()));
    if (headers.bytes() > limits.maxHeaderBytes()) {
      return refuse(
          response,
          service,
          Refusal.HEADERS_TOO_LARGE,
          "request header fields are "
              + headers.bytes()
              + " bytes, more than the limit of "
              + limits.maxHeaderBytes());
    }
    if (headers.loop()) {
      return refuse(
          response,
          service,
          Refusal.LOOP,
          "request loop: it already passed through " + forwarding.via());
    }
    long maxBody = limits.maxBodyBytes(service);
    if (request.getContentLengthLong() > maxBody) {
      return refuse(
          response,
          service,
          Refusal.BODY_TOO_LARGE,
          "request body of "
              + request.getContentLengthLong()
              + " bytes is larger than the limit of "
              + maxBody
              + " for service '"
              + service
              + "'");
    }
    Versions versions;
    try {
      versions = versionRouting.of(service, request::getHeader, request.getRemoteAddr());
    } catch (InvalidRequestException e) {
      return error(response, 400, e.getMessage());
    }
    if (!bulkhead.tryEnter(service)) {
      response.setHeader("Retry-After", retryAfter);
      return refuse(
          response,
          service,
          Refusal.CONCURRENCY,
          "service '"
              + service
              + "' already has "
              + bulkhead.limit()
              + " requests in flight, the most allowed");
    }
    try {
      return exchange(route, versions, request, response, headers.headers(), maxBody, trace);
    } finally {
      bulkhead.leave(service);
    }
  }

  /**
   * Tries instances of the versions the request may go to (any, once none of them is usable and the
   * request may fall back) until one answers or the retry policy gives up; returns the status sent.
   */
  private int exchange(
      Route route,
      Versions versions,
      HttpServletRequest request,
      HttpServletResponse response,
      Header[] headers,
      long maxBody,
      ForwardTrace trace)
      throws IOException {
    String method = request.getMethod();
    RequestBody body =
        new RequestBody(
            request::getInputStream,
            request.getContentLengthLong(),
            request.getHeader("Transfer-Encoding") != null,
            maxBody);
    List<ServiceInfo> tried = new ArrayList<>(2);
    String notAllowed = null; // why the last instance tried was not allowed: the answer says so
    for (int attempt = 0; ; attempt++) {
      Optional<ServiceInfo> instance = instances.pickOther(route.service(), versions, tried);
      if (instance.isEmpty() && versions.version() != null) {
        if (!versionRouting.fallsBack(versions)) {
          return error(
              response,
              503,
              "no live instance of version '"
                  + versions.version()
                  + "' of service '"
                  + route.service()
                  + "'");
        }
        versions = Versions.ANY;
        instance = instances.pickOther(route.service(), versions, tried);
      }
      if (instance.isEmpty()) {
        return attempt == 0
            ? error(response, 503, "no live instance of service '" + route.service() + "'")
            : error(
                response,
                502,
                notAllowed != null
                    ? notAllowed
                    : "no reachable instance of service '" + route.service() + "'");
      }
      HttpUriRequestBase outbound;
      try {
        outbound =
            new HttpUriRequestBase(
                method, URI.create(upstream.baseUrl(instance.get().addr()) + route.target()));
      } catch (IllegalArgumentException e) {
        return error(response, 400, "request cannot be forwarded: " + e.getMessage());
      }
      outbound.setHeaders(headers);
      outbound.setEntity(body.entity(outbound));
      ForwardTrace.Attempt traced = trace.attempt(instance.get(), outbound, attempt);
      long started = System.nanoTime();
      ClassicHttpResponse answer;
      try {
        answer = upstream.open(outbound);
      } catch (IOException e) {
        BodyTooLargeException tooLarge = cause(e, BodyTooLargeException.class);
        if (tooLarge != null) {
          traced.answered(Refusal.BODY_TOO_LARGE.status());
          return refuse(response, route.service(), Refusal.BODY_TOO_LARGE, tooLarge.getMessage());
        }
        ClientBodyException clientFailure = cause(e, ClientBodyException.class);
        if (clientFailure != null) {
          traced.answered(400);
          LOG.log(
              Level.FINE,
              "{0} {1}: {2}",
              new Object[] {method, outbound.getRequestUri(), e.getMessage()});
          return error(response, 400, clientFailure.getMessage());
        }
        UpstreamFailure failure = UpstreamFailure.of(e);
        notAllowed =
            failure == UpstreamFailure.NOT_ALLOWED
                ? cause(e, UpstreamNotAllowedException.class).getMessage()
                : null;
        if (failure.unreached()) {
          instances.reportFailure(instance.get());
        }
        tried.add(instance.get());
        boolean retry = retryPolicy.shouldRetry(method, attempt, failure, body.started());
        traced.failed(failure, retry);
        if (retry) {
          metrics.retried(route.service());
          LOG.log(
              Level.FINE,
              "{0} {1}: retrying after {2}",
              new Object[] {method, instance.get(), failure});
          continue;
        }
        LOG.log(
            Level.WARNING,
            "{0} {1}{2} failed: {3} ({4})",
            new Object[] {
              method, upstream.baseUrl(instance.get().addr()), route.target(), failure, e.toString()
            });
        return error(
            response, failure.status(), notAllowed != null ? notAllowed : failure.message());
      }
      boolean relayed = false;
      try {
        metrics.upstreamLatency(route.service(), System.nanoTime() - started);
        int status = ResponseRelay.relay(answer, outbound, response);
        relayed = true;
        return status;
      } finally {
        traced.answered(answer.getCode());
        if (!relayed) {
          outbound
              .cancel(); // closing would otherwise read the rest of the body to keep the connection
        }
        closeQuietly(answer, outbound);
      }
    }
  }

  /**
   * Releases the connection of a body read to its end (the relay cancelled the exchange on any
   * other end); never throws.
   */
  private static void closeQuietly(ClassicHttpResponse answer, HttpUriRequestBase outbound) {
    try {
      answer.close();
    } catch (IOException | RuntimeException e) {
      outbound.cancel();
      LOG.log(Level.FINE, "Closing the upstream response failed: {0}", e.toString());
    }
  }

  private static <T extends Throwable> T cause(Throwable thrown, Class<T> type) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  private int refuse(HttpServletResponse response, int status, String message) throws IOException {
    LOG.log(Level.FINE, "Refused with {0}: {1}", new Object[] {status, message});
    metrics.answered(GatewayMetrics.UNROUTED, error(response, status, message));
    return status;
  }

  private int refuse(HttpServletResponse response, String service, Refusal refusal, String message)
      throws IOException {
    LOG.log(Level.FINE, "Refused with {0}: {1}", new Object[] {refusal.status(), message});
    metrics.refused(service, refusal);
    return error(response, refusal.status(), message);
  }

  private static int error(HttpServletResponse response, int status, String message)
      throws IOException {
    ErrorWriter.write(response, status, message);
    return status;
  }
}
