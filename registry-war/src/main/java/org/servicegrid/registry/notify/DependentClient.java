package org.servicegrid.registry.notify;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.servicegrid.protocol.ServiceInfo;

/**
 * The callback every dependent serves, as an MP Rest Client: the registry tells it that an instance of a
 * service it requires was added (POST) or removed (DELETE, with the ServiceInfo as body).
 */
@Path("/services")
@Consumes(MediaType.APPLICATION_JSON)
@SuppressWarnings("try") // close() is the MP Rest Client's, declared by AutoCloseable as throwing Exception
public interface DependentClient extends AutoCloseable {

  @POST
  Response added(ServiceInfo instance);

  @DELETE
  Response removed(ServiceInfo instance);
}
