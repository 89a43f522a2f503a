package org.servicegrid.log;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.servicegrid.protocol.rest.ErrorResponses;

/**
 * A log file that cannot be written is this service's temporary trouble: 503, so callers try
 * another instance.
 */
@Provider
public class LogFileUnavailableExceptionMapper
    implements ExceptionMapper<LogFileUnavailableException> {

  private static final Logger LOG =
      Logger.getLogger(LogFileUnavailableExceptionMapper.class.getName());

  @Override
  public Response toResponse(LogFileUnavailableException e) {
    LOG.log(Level.WARNING, "Refused a log request: {0}", String.valueOf(e.getCause()));
    return ErrorResponses.of(Response.Status.SERVICE_UNAVAILABLE.getStatusCode(), e.getMessage());
  }
}
