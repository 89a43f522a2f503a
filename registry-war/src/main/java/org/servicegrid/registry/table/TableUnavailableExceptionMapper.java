package org.servicegrid.registry.table;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.servicegrid.protocol.rest.ErrorResponses;

/** A change the registry cluster could not make in time: 503 with the reason. */
@Provider
public class TableUnavailableExceptionMapper implements ExceptionMapper<TableUnavailableException> {

  @Override
  public Response toResponse(TableUnavailableException e) {
    return ErrorResponses.of(503, e.getMessage());
  }
}
