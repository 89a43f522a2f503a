package org.servicegrid.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.servicegrid.client.internal.ClientConfig;
import org.servicegrid.client.internal.InstanceSelector;
import org.servicegrid.client.internal.InstanceTable;
import org.servicegrid.client.internal.OutboundCallSettings;
import org.servicegrid.client.internal.RestClients;
import org.servicegrid.protocol.ServiceInfo;

/**
 * The live instances of the services this application requires, and clients to call them. Instances
 * come from a local table the registry keeps current; selection follows {@code
 * registry.client.selection}, weighs instances by their Meta weight, prefers those in this
 * instance's own Meta zone while one there is usable, and skips instances a caller reported failed
 * within {@code registry.client.failure-cooldown}, until the registry announces them again.
 */
@ApplicationScoped
public class ServiceInstances {

  @Inject InstanceTable table;
  @Inject InstanceSelector selector;
  @Inject RestClients clients;
  @Inject ClientConfig config;

  /** Every known live instance of {@code service}, in registration order; empty when none. */
  public List<ServiceInfo> instances(String service) {
    return table.instances(service);
  }

  /**
   * One instance per the configured selection policy, skipping instances recently reported as
   * failed.
   */
  public Optional<ServiceInfo> pick(String service) {
    return selector.pick(service, table.instances(service));
  }

  /**
   * Like {@link #pick}, among the instances {@code versions} admits only, e.g. {@code
   * Versions.only("2.0")}; empty when none of them is usable (the caller may then pick again with
   * {@link Versions#ANY}).
   */
  public Optional<ServiceInfo> pick(String service, Versions versions) {
    return selector.pick(
        service, table.instances(service), versions.version(), versions.matching());
  }

  /**
   * For a retry: like {@link #pick}, but not one of {@code tried} while another instance is usable.
   */
  public Optional<ServiceInfo> pickOther(String service, Collection<ServiceInfo> tried) {
    return pickOther(service, Versions.ANY, tried);
  }

  /**
   * For a retry among the instances {@code versions} admits: not one of {@code tried} while another
   * of them is usable.
   */
  public Optional<ServiceInfo> pickOther(
      String service, Versions versions, Collection<ServiceInfo> tried) {
    return selector.pickOther(
        service, table.instances(service), versions.version(), versions.matching(), tried);
  }

  /** Like {@link #pick} but throws {@link NoInstanceAvailableException} when there is none. */
  public ServiceInfo require(String service) {
    return pick(service).orElseThrow(() -> new NoInstanceAvailableException(service));
  }

  /**
   * The caller saw this instance fail (connect error, 5xx): skip it for the configured cool-down.
   */
  public void reportFailure(ServiceInfo instance) {
    selector.reportFailure(instance);
  }

  /**
   * A cached MP Rest Client of type {@code api} whose base URI is the instance's address (https
   * with {@code servicegrid.tls}), with the configured timeouts and the {@code X-Service-Name}
   * header.
   */
  public <T extends AutoCloseable> T client(ServiceInfo instance, Class<T> api) {
    return clients.forAddress(instance.addr(), api);
  }

  /**
   * What {@link #client} uses, for an application that calls instances with its own HTTP client.
   */
  public CallSettings callSettings() {
    OutboundCallSettings calls = config.calls();
    return new CallSettings(
        calls.connectTimeout(), calls.readTimeout(), config.self().name(), calls.transport());
  }
}
