package org.servicegrid.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.servicegrid.client.internal.RegistrationState;
import org.servicegrid.client.internal.SelfDescription;
import org.servicegrid.client.internal.Subscriptions;
import org.servicegrid.protocol.ServiceInfo;

/**
 * This application's registration with the registry. Registration itself is automatic: it starts
 * with the application, retries until the registry answers and ends when the application stops.
 * This bean reports it and lets an application widen what it requires at run time.
 */
@ApplicationScoped
public class ServiceRegistration {

  @Inject SelfDescription self;
  @Inject RegistrationState state;
  @Inject Subscriptions subscriptions;

  /**
   * The ServiceInfo this application registers: service.name, service.address, required services.
   */
  public ServiceInfo self() {
    return self.current();
  }

  /** True once the registry accepted the registration, false before and after deregistration. */
  public boolean isRegistered() {
    return state.isRegistered();
  }

  /**
   * Adds services to this instance's RequiredServices and re-registers, so the registry answers
   * their instances into the local table and pushes their changes from now on. Until it answers,
   * the given instances (from {@link ServiceDirectory#services()}, or empty lists) serve a service
   * the table does not know yet, so the first call to a service that has just appeared finds an
   * instance.
   *
   * @throws org.servicegrid.protocol.InvalidRequestException if a name is not a valid service name
   *     or the protocol's limit on required services would be exceeded (nothing changes then)
   */
  public void requireServices(Map<String, List<ServiceInfo>> services) {
    subscriptions.subscribe(services);
  }
}
