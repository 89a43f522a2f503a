package org.servicegrid.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import java.util.List;
import java.util.Map;
import org.servicegrid.protocol.ServiceInfo;

/**
 * The calls this instance makes to the registry, through {@link RegistryClient}. Registration uses one
 * cached client with the configured timeouts; deregistration builds its own client with the short
 * {@code registry.client.deregister-timeout}, because it runs while the application is stopping and must
 * not hold the shutdown up when the registry is away.
 */
@ApplicationScoped
public class RegistryCalls {

  @Inject ClientConfig config;
  @Inject RestClients clients;

  private RegistryClient registrationClient; // guarded by this; building does no I/O

  Map<String, List<ServiceInfo>> register(ServiceInfo self) {
    Map<String, List<ServiceInfo>> answer = registrationClient().register(self);
    return answer == null ? Map.of() : answer;
  }

  void deregister(ServiceInfo self) {
    ClientSettings settings = config.settings();
    try (RegistryClient client = clients.build(
        settings.registryUrl(), RegistryClient.class, settings.deregisterTimeout(), settings.deregisterTimeout())) {
      client.deregister(self);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("closing the registry client failed", e);
    }
  }

  synchronized void close() {
    if (registrationClient != null) {
      RestClients.close(registrationClient);
      registrationClient = null;
    }
  }

  private synchronized RegistryClient registrationClient() {
    if (registrationClient == null) {
      ClientSettings settings = config.settings();
      registrationClient = clients.build(
          settings.registryUrl(), RegistryClient.class, settings.connectTimeout(), settings.readTimeout());
    }
    return registrationClient;
  }

  /** A one-line reason for a failed call: the HTTP status, or the innermost transport error. */
  static String describe(RuntimeException e) {
    if (e instanceof WebApplicationException wae && wae.getResponse() != null) {
      return "HTTP " + wae.getResponse().getStatus();
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
