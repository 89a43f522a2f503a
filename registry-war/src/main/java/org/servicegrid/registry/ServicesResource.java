package org.servicegrid.registry;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.servicegrid.protocol.ServiceInfo;

@Path("services")
public class ServicesResource {

  @POST
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, Object> register(ServiceInfo info) {
    return Map.of("echo", info);
  }
}
