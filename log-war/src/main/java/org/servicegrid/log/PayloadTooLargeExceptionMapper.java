package org.servicegrid.log;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.servicegrid.protocol.PayloadTooLargeException;
import org.servicegrid.protocol.rest.ErrorResponses;

/**
 * An oversize message answers 413, not the 400 the protocol library gives every invalid request: the caller
 * should shorten the message, not fix its syntax. Being more specific, this mapper wins over that one.
 */
@Provider
public class PayloadTooLargeExceptionMapper implements ExceptionMapper<PayloadTooLargeException> {

  @Override
  public Response toResponse(PayloadTooLargeException e) {
    return ErrorResponses.of(Response.Status.REQUEST_ENTITY_TOO_LARGE.getStatusCode(), e.getMessage());
  }
}
