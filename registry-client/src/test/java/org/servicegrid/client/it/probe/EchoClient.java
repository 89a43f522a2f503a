package org.servicegrid.client.it.probe;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A required service's API as the probe calls it through {@code ServiceInstances.client}. */
@Path("/echo")
public interface EchoClient extends AutoCloseable {

  @GET
  @Produces(MediaType.TEXT_PLAIN)
  String echo();
}
