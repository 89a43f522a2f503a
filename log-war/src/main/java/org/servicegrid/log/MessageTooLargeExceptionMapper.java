package org.servicegrid.log;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.servicegrid.protocol.rest.ErrorResponses;

/** A batch message over {@code log.message.max-bytes} answers 413, like an oversize {@code POST /log} body. */
@Provider
public class MessageTooLargeExceptionMapper implements ExceptionMapper<MessageTooLargeException> {

  @Override
  public Response toResponse(MessageTooLargeException e) {
    return ErrorResponses.of(Response.Status.REQUEST_ENTITY_TOO_LARGE.getStatusCode(), e.getMessage());
  }
}
