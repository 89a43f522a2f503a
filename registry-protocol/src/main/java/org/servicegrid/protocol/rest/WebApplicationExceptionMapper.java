package org.servicegrid.protocol.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Keeps the status the JAX-RS runtime chose (404 unknown path, 405 method not allowed, 415, ...)
 * but answers with the project's JSON error body instead of the runtime's HTML or empty one.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

  @Override
  public Response toResponse(WebApplicationException e) {
    Response original = e.getResponse();
    int status = original == null ? 500 : original.getStatus();
    Response.StatusType type = Response.Status.fromStatusCode(status);
    String reason =
        type == null ? "HTTP " + status : type.getReasonPhrase().toLowerCase(java.util.Locale.ROOT);
    Response.ResponseBuilder builder = ErrorResponses.builder(status, reason);
    if (original != null && original.getHeaderString("Allow") != null) {
      builder.header("Allow", original.getHeaderString("Allow"));
    }
    return builder.build();
  }
}
