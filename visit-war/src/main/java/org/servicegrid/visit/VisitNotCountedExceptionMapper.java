package org.servicegrid.visit;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.servicegrid.protocol.rest.ErrorResponses;

/** A visit that could not be counted is a temporary condition of this service's dependencies: 503, retry later. */
@Provider
public class VisitNotCountedExceptionMapper implements ExceptionMapper<VisitNotCountedException> {

  @Override
  public Response toResponse(VisitNotCountedException e) {
    return ErrorResponses.of(Response.Status.SERVICE_UNAVAILABLE.getStatusCode(), e.getMessage());
  }
}
