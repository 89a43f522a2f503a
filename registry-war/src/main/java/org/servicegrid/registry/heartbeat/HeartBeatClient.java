package org.servicegrid.registry.heartbeat;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/** An instance's heart-beat endpoint as an MP Rest Client: 200 means it is serving. */
@Path("/heart-beat")
@SuppressWarnings("try") // close() is the MP Rest Client's, declared by AutoCloseable as throwing Exception
public interface HeartBeatClient extends AutoCloseable {

  @GET
  Response beat();
}
