package org.servicegrid.client.it.probe;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.servicegrid.client.ServiceInstances;
import org.servicegrid.client.ServiceRegistration;
import org.servicegrid.protocol.ServiceInfo;
import org.servicegrid.protocol.rest.ErrorResponses;

/** Exposes the library's API over HTTP so the tests can observe it from outside the server. */
@Path("probe")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ProbeResource {

  @Inject ServiceInstances instances;
  @Inject ServiceRegistration registration;

  @GET
  @Path("instances/{service}")
  public List<ServiceInfo> instances(@PathParam("service") String service) {
    return instances.instances(service);
  }

  /** Each instance as {@code addr weight version zone}, through the accessors of Meta's keys. */
  @GET
  @Path("meta/{service}")
  public List<String> meta(@PathParam("service") String service) {
    return instances.instances(service).stream()
        .map(
            i ->
                String.join(
                    " ",
                    i.addr(),
                    Integer.toString(i.weight()),
                    i.version().orElse("-"),
                    i.zone().orElse("-")))
        .toList();
  }

  @GET
  @Path("pick/{service}")
  public Response pick(@PathParam("service") String service) {
    return instances
        .pick(service)
        .map(instance -> Response.ok(instance).build())
        .orElseGet(() -> ErrorResponses.of(404, "none"));
  }

  @POST
  @Path("failed/{service}/{addr}")
  public void reportFailure(@PathParam("service") String service, @PathParam("addr") String addr) {
    instances.reportFailure(new ServiceInfo(service, addr, List.of()));
  }

  @POST
  @Path("require/{service}")
  public void require(@PathParam("service") String service) {
    registration.requireServices(Map.of(service, List.of()));
  }

  @GET
  @Path("registered")
  public boolean registered() {
    return registration.isRegistered();
  }

  @GET
  @Path("call/{service}")
  @Produces(MediaType.TEXT_PLAIN)
  public String call(@PathParam("service") String service) {
    return instances.client(instances.require(service), EchoClient.class).echo();
  }
}
