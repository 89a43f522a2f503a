package org.servicegrid.gateway.proxy;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.servicegrid.gateway.catalog.Route;
import org.servicegrid.protocol.servlet.ErrorWriter;

/**
 * The gateway's entry point: a servlet filter in front of JAX-RS that forwards every {@code
 * /{service}/...} request and lets the rest ({@code /}, {@code /services}, {@code /heart-beat})
 * through to JAX-RS.
 *
 * <p>Why a filter rather than a JAX-RS resource: it sees any method (PATCH, WebDAV verbs, ...)
 * through one code path, it has the raw, undecoded path and query to forward byte for byte, no
 * content negotiation or entity provider touches the headers or the body, and the hot path skips
 * JAX-RS resource matching. The route is documented for OpenAPI in {@code META-INF/openapi.yaml},
 * since it is not a JAX-RS method.
 */
@WebFilter(filterName = "proxy", urlPatterns = "/*")
public class ProxyFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(ProxyFilter.class.getName());

  @Inject transient Forwarder forwarder;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    Optional<Route> route = Route.parse(path, request.getQueryString());
    if (route.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    try {
      forwarder.forward(route.get(), request, response);
    } catch (RuntimeException e) {
      // A bug, not an upstream problem: keep the JSON error contract instead of the container's
      // HTML page.
      LOG.log(
          Level.WARNING, "Unexpected failure forwarding " + request.getMethod() + " " + path, e);
      if (!response.isCommitted()) {
        response.reset();
        ErrorWriter.write(response, 500, "internal error");
      }
    }
  }
}
