package org.servicegrid.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.servicegrid.protocol.ServiceInfo;

/**
 * This application's registration with the registry, as the application sees it. Registration itself is
 * automatic (see {@link RegistrationLifecycle}); this facade reports it and lets an application widen what
 * it requires at run time.
 */
@ApplicationScoped
public class ServiceRegistration {

  private static final Logger LOG = Logger.getLogger(ServiceRegistration.class.getName());

  @Inject SelfDescription self;
  @Inject RegistrationState state;
  @Inject Registrar registrar;

  /** The ServiceInfo this application registers: service.name, service.address, service.required. */
  public ServiceInfo self() {
    return self.current();
  }

  /** True once the registry accepted the registration, false before and after deregistration. */
  public boolean isRegistered() {
    return state.isRegistered();
  }

  /**
   * Adds services to this instance's RequiredServices at run time and re-registers (idempotent for the
   * registry), so the registry answers their current instances into the local table and pushes their changes
   * from now on. Used by the gateway, which learns the services it routes to from its traffic.
   *
   * @throws org.servicegrid.protocol.InvalidRequestException if a name is not a valid service name or the
   *     protocol's limit on required services would be exceeded (nothing changes then)
   */
  public void requireServices(Set<String> services) {
    if (self.require(services)) {
      LOG.log(Level.INFO, "Now requiring {0}; re-registering", self.current().requiredServices());
      registrar.requestRegistration();
    }
  }
}
