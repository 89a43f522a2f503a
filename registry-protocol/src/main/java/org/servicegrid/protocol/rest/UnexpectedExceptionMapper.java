package org.servicegrid.protocol.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A bug is logged with its stack trace on the server and answered with a JSON body, not an HTML
 * page.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<RuntimeException> {

  private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

  @Override
  public Response toResponse(RuntimeException e) {
    LOG.log(Level.WARNING, "Unexpected failure while serving a request", e);
    return ErrorResponses.of(500, "internal error");
  }
}
