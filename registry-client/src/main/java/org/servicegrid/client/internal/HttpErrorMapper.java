package org.servicegrid.client.internal;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * Turns an error answer (4xx/5xx) of the deregistration call into a {@link
 * WebApplicationException}, in place of MP Rest Client's default mapper: the default looks
 * MicroProfile Config up on every response, and while the application stops (when deregistration
 * runs) that lookup rebuilds the application's configuration from a module that may already be gone
 * (seen with Arquillian's undeploy: the DELETE went out and was answered, then the response failed
 * with SRCFG00035).
 */
final class HttpErrorMapper implements ResponseExceptionMapper<WebApplicationException> {

  /** The MP Rest Client property that turns the default mapper off for one client. */
  static final String DISABLE_DEFAULT_MAPPER = "microprofile.rest.client.disable.default.mapper";

  @Override
  public boolean handles(int status, MultivaluedMap<String, Object> headers) {
    return status >= 400;
  }

  @Override
  public WebApplicationException toThrowable(Response response) {
    return new WebApplicationException("HTTP " + response.getStatus(), response);
  }
}
