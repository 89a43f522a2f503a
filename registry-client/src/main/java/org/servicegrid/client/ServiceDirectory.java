package org.servicegrid.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.servicegrid.client.internal.ClientConfig;
import org.servicegrid.client.internal.RegistryCalls;
import org.servicegrid.protocol.ServiceInfo;

/**
 * Every service the registry knows, for an application that serves whatever is registered (the
 * gateway) rather than a fixed list of required services. Asks the registry on each call, with the
 * library's timeouts, and the next registry of {@code registry.url} when one does not answer.
 */
@ApplicationScoped
public class ServiceDirectory {

  @Inject RegistryCalls registry;
  @Inject ClientConfig config;

  /**
   * Every name the registry knows with its live instances ({@code []} when none); entries that are
   * not valid protocol values are left out.
   *
   * @throws RuntimeException (a JAX-RS {@code ProcessingException} or {@code
   *     WebApplicationException}) when the registry cannot be reached or answers an error
   */
  public Map<String, List<ServiceInfo>> services() {
    return registry.services();
  }

  /**
   * The registries this instance registers with and lists from, comma-separated ({@code
   * registry.url}).
   */
  public String registryUrl() {
    return config.registryUrl();
  }
}
