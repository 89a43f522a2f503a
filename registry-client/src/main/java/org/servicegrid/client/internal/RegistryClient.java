package org.servicegrid.client.internal;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.servicegrid.protocol.ServiceInfo;

/**
 * The registry's protocol as an MP Rest Client, built programmatically against {@code registry.url}
 * with the library's timeouts (see {@link RestClients}).
 *
 * <p>{@code deregister} sends a DELETE with a JSON body, which the protocol requires and JAX-RS's
 * fluent {@code SyncInvoker.delete()} cannot express. Through MP Rest Client it works as is on Open
 * Liberty 26 (RESTEasy over Apache HttpClient 4.5 sends the entity with {@code Content-Type:
 * application/json}); the Arquillian test {@code DeregistrationIT} checks the body the fake
 * registry receives.
 *
 * <p>Public although only this package uses it: MP Rest Client defines the proxy in its own class
 * loader, which the JDK refuses for a non-public interface.
 */
@Path("/services")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface RegistryClient extends AutoCloseable {

  /** Registers (or replaces) an instance; answers each required service's live instances. */
  @POST
  Map<String, List<ServiceInfo>> register(ServiceInfo info);

  /** Removes an instance; the registry answers 200 also when it did not know it. */
  @DELETE
  void deregister(ServiceInfo info);

  /** Every service the registry knows, with its live instances (empty array when none). */
  @GET
  Map<String, List<ServiceInfo>> all();
}
