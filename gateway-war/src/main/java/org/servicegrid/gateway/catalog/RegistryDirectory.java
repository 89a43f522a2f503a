package org.servicegrid.gateway.catalog;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.RestClientBuilder;
import org.servicegrid.client.RegistryClient;
import org.servicegrid.protocol.InvalidRequestException;
import org.servicegrid.protocol.ServiceInfo;
import org.servicegrid.protocol.ServiceInfoValidator;

/**
 * Asks the registry which services exist ({@code GET /services}), through one MP Rest Client built at start
 * and reused: building a client is far more expensive than a call. Uses the registry-client library's
 * {@code registry.url} and timeouts so one set of keys configures every call to the registry.
 */
@ApplicationScoped
public class RegistryDirectory {

  private static final Logger LOG = Logger.getLogger(RegistryDirectory.class.getName());

  @Inject
  @ConfigProperty(name = "registry.url")
  String registryUrl;

  @Inject
  @ConfigProperty(name = "registry.client.connect-timeout")
  long connectTimeoutMillis;

  @Inject
  @ConfigProperty(name = "registry.client.read-timeout")
  long readTimeoutMillis;

  private RegistryClient client;

  @PostConstruct
  void open() {
    client = RestClientBuilder.newBuilder()
        .baseUri(URI.create(registryUrl))
        .connectTimeout(connectTimeoutMillis, TimeUnit.MILLISECONDS)
        .readTimeout(readTimeoutMillis, TimeUnit.MILLISECONDS)
        .build(RegistryClient.class);
  }

  /**
   * Every service the registry knows, including names without a live instance (an empty list). Entries
   * that are not valid protocol values are left out rather than trusted.
   *
   * @throws RuntimeException (a JAX-RS {@code ProcessingException} or {@code WebApplicationException}) when
   *     the registry cannot be reached or answers an error
   */
  public Map<String, List<ServiceInfo>> services() {
    Map<String, List<ServiceInfo>> answer = client.all();
    Map<String, List<ServiceInfo>> valid = new HashMap<>();
    if (answer != null) {
      answer.forEach((name, instances) -> {
        if (ServiceInfoValidator.isValidName(name)) {
          valid.put(name, instances == null ? List.of() : instances.stream()
              .filter(instance -> instance != null && name.equals(instance.name()) && isValid(instance)).toList());
        }
      });
    }
    return valid;
  }

  public String url() {
    return registryUrl;
  }

  private static boolean isValid(ServiceInfo instance) {
    try {
      ServiceInfoValidator.validate(instance);
      return true;
    } catch (InvalidRequestException e) {
      return false;
    }
  }

  @PreDestroy
  void close() {
    try {
      client.close();
    } catch (Exception e) {
      LOG.log(Level.FINE, "Closing the registry client failed", e);
    }
  }
}
