package org.servicegrid.registry.table;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.servicegrid.protocol.rest.ErrorResponses;

/** A status change for an unknown instance: 404 naming it. */
@Provider
public class UnknownInstanceExceptionMapper implements ExceptionMapper<UnknownInstanceException> {

  @Override
  public Response toResponse(UnknownInstanceException e) {
    return ErrorResponses.of(404, e.getMessage());
  }
}
