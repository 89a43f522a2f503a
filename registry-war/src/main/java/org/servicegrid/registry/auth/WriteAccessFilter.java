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
 * Guards {@code POST}/{@code DELETE /services}: the filter authenticates the caller before the body is read
 * (401), the interceptor checks, once the ServiceInfo is parsed, that the caller may act for its Name (403).
 * Both run before the resource method, so a refused request changes nothing.
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
    Caller caller = access.authenticate(request.getHeaderString(HttpHeaders.AUTHORIZATION),
        servletRequest.getRemoteAddr());
    request.setProperty(CALLER, caller);
  }

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    Object entity = context.proceed();
    if (!(context.getProperty(CALLER) instanceof Caller caller)) {
      throw AccessDeniedException.unauthenticated("the caller was not authenticated");
    }
    if (entity instanceof ServiceInfo instance && !caller.mayActFor(instance.name())) {
      throw AccessDeniedException.forbidden(
          "the token of '" + caller.subject() + "' may not register or deregister instances of '"
              + instance.name() + "'");
    }
    return entity;
  }
}
