package org.servicegrid.registry.notify;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.servicegrid.protocol.ServiceInfo;

/**
 * The callback every dependent serves, as one MP Rest Client for all dependents: the registry tells
 * a dependent that an instance of a service it requires was added (POST) or removed (DELETE, with
 * the ServiceInfo as body). The dependent's address travels in {@link DependentRouting#HEADER},
 * which {@link DependentRouting} turns into the request's host and port and never sends.
 */
@Path("/services")
@Consumes(MediaType.APPLICATION_JSON)
@SuppressWarnings(
    "try") // close() is the MP Rest Client's, declared by AutoCloseable as throwing Exception
public interface DependentClient extends AutoCloseable {

  @POST
  Response added(@HeaderParam(DependentRouting.HEADER) String dependent, ServiceInfo instance);

  @DELETE
  Response removed(@HeaderParam(DependentRouting.HEADER) String dependent, ServiceInfo instance);
}
