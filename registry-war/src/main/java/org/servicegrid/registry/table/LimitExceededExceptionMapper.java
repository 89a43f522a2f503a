package org.servicegrid.registry.table;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.servicegrid.protocol.rest.ErrorResponses;

/** A registration beyond the table's limits: 429 or 507 with the reason. */
@Provider
public class LimitExceededExceptionMapper implements ExceptionMapper<LimitExceededException> {

  @Override
  public Response toResponse(LimitExceededException e) {
    return ErrorResponses.of(e.status(), e.getMessage());
  }
}
