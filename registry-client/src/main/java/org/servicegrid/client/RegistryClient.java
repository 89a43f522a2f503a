package org.servicegrid.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.servicegrid.protocol.ServiceInfo;

/** The registry's protocol as an MP Rest Client; built programmatically against {@code registry.url}. */
@Path("/services")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface RegistryClient extends AutoCloseable {

  /** Registers (or replaces) an instance; answers each required service's live instances. */
  @POST
  Map<String, List<ServiceInfo>> register(ServiceInfo info);

  @DELETE
  void deregister(ServiceInfo info);

  /** Every service the registry knows, with its live instances (empty array when none). */
  @GET
  Map<String, List<ServiceInfo>> all();

  @GET
  @Path("/{name}")
  List<ServiceInfo> instancesOf(@PathParam("name") String name);
}
