package org.servicegrid.protocol.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.servicegrid.protocol.InvalidRequestException;

/** A request the protocol rejects answers 400 with the reason. */
@Provider
public class InvalidRequestExceptionMapper implements ExceptionMapper<InvalidRequestException> {

  @Override
  public Response toResponse(InvalidRequestException e) {
    return ErrorResponses.of(Response.Status.BAD_REQUEST.getStatusCode(), e.getMessage());
  }
}
