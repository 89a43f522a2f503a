package org.servicegrid.protocol.rest;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * An outbound call (MicroProfile Rest Client) that failed in transport is the upstream's trouble,
 * not ours: 504 when it timed out, 502 otherwise; never a bare 500.
 */
@Provider
public class UpstreamFailureMapper implements ExceptionMapper<ProcessingException> {

  private static final Logger LOG = Logger.getLogger(UpstreamFailureMapper.class.getName());

  @Override
  public Response toResponse(ProcessingException e) {
    boolean timedOut = causedByTimeout(e);
    LOG.log(Level.WARNING, "Upstream call failed: {0}", String.valueOf(e.getMessage()));
    return timedOut
        ? ErrorResponses.of(504, "upstream timed out")
        : ErrorResponses.of(502, "upstream unavailable");
  }

  static boolean causedByTimeout(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SocketTimeoutException || t instanceof HttpTimeoutException) {
        return true;
      }
    }
    return false;
  }
}
