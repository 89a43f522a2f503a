package org.servicegrid.registry.auth;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;
import org.servicegrid.protocol.ServiceInfo;
import org.servicegrid.protocol.auth.AccessDeniedException;
import org.servicegrid.protocol.auth.Caller;

/**
 * Guards {@code POST}/{@code DELETE /services} and {@code PUT /services/{name}/{addr}/status}: the
 * filter takes the caller from the bearer token Liberty's MicroProfile JWT verified (or admits it
 * by address, else 401) before the body is read, the interceptor checks, once the ServiceInfo is
 * parsed, that the caller may act for its Name (403); on an instance's own path the filter checks
 * the Name of the path at once. Both run before the resource method, so a refused request changes
 * nothing.
 *
 * <p>The container protects no URL of the registry (a constraint on the writes would have Liberty
 * refuse a write without a token before this filter could admit it from {@code
 * registry.auth.anonymous-from}). Liberty still verifies a bearer token that a request to an
 * unprotected URL carries: a valid one becomes the request's principal, a refused one (logged as
 * CWWKS5523E) leaves the request unauthenticated, which is how it gets here.
 */
@ApplicationScoped // a CDI bean, so that RegistryAccess is injected (the WAR has no beans.xml)
@Provider
@RegistryWrite
@Priority(Priorities.AUTHORIZATION)
public class WriteAccessFilter implements ContainerRequestFilter, ReaderInterceptor {

  private static final String CALLER = Caller.class.getName();

  @Inject RegistryAccess access;
  @Context HttpServletRequest servletRequest;

  @Override
  public void filter(ContainerRequestContext request) {
    Caller caller =
        access.authenticate(
            request.getSecurityContext().getUserPrincipal(),
            request.getHeaderString(HttpHeaders.AUTHORIZATION),
            servletRequest.getRemoteAddr());
    // a write on one instance's path (its status) names the instance before any body is read
    String name = request.getUriInfo().getPathParameters().getFirst("name");
    if (name != null && !caller.mayActFor(name)) {
      throw AccessDeniedException.forbidden(
          "the token of '" + caller.subject() + "' may not change instances of '" + name + "'");
    }
    request.setProperty(CALLER, caller);
    servletRequest.setAttribute(CALLER, caller); // who set a status, for the event log
  }

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    Object entity = context.proceed();
    if (!(context.getProperty(CALLER) instanceof Caller caller)) {
      throw AccessDeniedException.unauthenticated("the caller was not authenticated");
    }
    if (entity instanceof ServiceInfo instance && !caller.mayActFor(instance.name())) {
      throw AccessDeniedException.forbidden(
          "the token of '"
              + caller.subject()
              + "' may not register or deregister instances of '"
              + instance.name()
              + "'");
    }
    return entity;
  }
}
