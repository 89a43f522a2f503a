package org.servicegrid.client;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.servicegrid.protocol.ServiceInfo;

/**
 * What an application asks the library for: a live instance of a service it requires, and an MP Rest Client
 * bound to that instance. Instances come from the local table the registry keeps current; selection follows
 * {@code registry.client.selection} and skips instances a caller reported failed within
 * {@code registry.client.failure-cooldown}, until the registry announces them again.
 */
@ApplicationScoped
public class ServiceInstances {

  private static final Logger LOG = Logger.getLogger(ServiceInstances.class.getName());

  @Inject InstanceTable table;
  @Inject ClientConfig config;
  @Inject RestClients clients;

  private FailureMarks failures;
  private InstanceSelector selector;

  @PostConstruct
  void init() {
    ClientSettings settings = config.settings();
    failures = new FailureMarks(settings.failureCooldown(), System::nanoTime);
    selector = new InstanceSelector(settings.selection(), failures);
  }

  /** Every known live instance of {@code service}, in registration order; empty when none. */
  public List<ServiceInfo> instances(String service) {
    return table.instances(service);
  }

  /** One instance per the configured selection policy, skipping instances recently reported as failed. */
  public Optional<ServiceInfo> pick(String service) {
    return selector.pick(service, table.instances(service));
  }

  /** Like {@link #pick} but throws {@link NoInstanceAvailableException} when there is none. */
  public ServiceInfo require(String service) {
    return pick(service).orElseThrow(() -> new NoInstanceAvailableException(service));
  }

  /** The caller saw this instance fail (connect error, 5xx): skip it for the configured cool-down. */
  public void reportFailure(ServiceInfo instance) {
    // Under load many callers report the same dead instance: only the first report is news.
    boolean fresh = failures.markFailed(instance.id());
    LOG.log(fresh ? Level.INFO : Level.FINE, "Instance {0} reported failed; skipping it for {1} ms",
        new Object[] {instance.id(), config.settings().failureCooldown().toMillis()});
  }

  /**
   * A cached MP Rest Client of type {@code api} whose base URI is the instance's address, with the
   * configured connect and read timeouts.
   */
  public <T extends AutoCloseable> T client(ServiceInfo instance, Class<T> api) {
    return clients.forAddress(instance.addr(), api);
  }

  /** The registry announced the instance: known from now on, and any failure mark is forgotten. */
  void added(ServiceInfo instance) {
    failures.clear(instance.id());
    boolean isNew = table.add(instance);
    LOG.log(Level.INFO, "Instance {0} {1}", new Object[] {instance.id(), isNew ? "added" : "re-announced"});
  }

  /** The registry removed the instance: no longer picked; its clients go when its address is unused. */
  void removed(ServiceInfo instance) {
    boolean known = table.remove(instance);
    if (!table.knowsAddress(instance.addr())) {
      clients.evict(instance.addr());
    }
    LOG.log(Level.INFO, "Instance {0} removed{1}", new Object[] {instance.id(), known ? "" : " (was unknown)"});
  }
}
