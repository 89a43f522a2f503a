package org.servicegrid.visit;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;

/**
 * The log service's protocol as an MP Rest Client. Built per log instance by the registry client library
 * ({@code ServiceInstances.client}), which sets the connect/read timeouts and the {@code X-Service-Name}
 * header; an error answer arrives as a {@code WebApplicationException}, a transport failure as a
 * {@code ProcessingException}.
 */
@Path("/log")
public interface LogClient extends AutoCloseable {

  /** Appends {@code message} as one line; returns once the log service has written it. */
  @POST
  @Consumes(MediaType.TEXT_PLAIN)
  void append(String message);
}
