package org.servicegrid.protocol.rest;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.servicegrid.protocol.auth.AccessDeniedException;

/** 401 (with {@code WWW-Authenticate: Bearer}) or 403, as {@code {"error": "..."}}. */
@Provider
public class AccessDeniedExceptionMapper implements ExceptionMapper<AccessDeniedException> {

  @Override
  public Response toResponse(AccessDeniedException e) {
    Response.ResponseBuilder builder = ErrorResponses.builder(e.status(), e.getMessage());
    if (e.status() == 401) {
      builder.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }
    return builder.build();
  }
}
