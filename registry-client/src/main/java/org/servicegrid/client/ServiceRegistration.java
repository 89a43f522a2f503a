package org.servicegrid.client;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.servicegrid.protocol.ServiceInfo;

/**
 * This application's registration with the registry. (API contract; implementation in progress.)
 */
@ApplicationScoped
public class ServiceRegistration {

  /** The ServiceInfo this application registers: service.name, service.address, service.required. */
  public ServiceInfo self() {
    throw new UnsupportedOperationException("not implemented yet");
  }

  /** True once the registry accepted the registration, false before and after deregistration. */
  public boolean isRegistered() {
    throw new UnsupportedOperationException("not implemented yet");
  }

  /**
   * Adds services to this instance's RequiredServices at run time and re-registers (idempotent for the
   * registry), so the registry answers their current instances into the local table and pushes their changes
   * from now on. Used by the gateway, which learns the services it routes to from its traffic.
   */
  public void requireServices(Set<String> services) {
    throw new UnsupportedOperationException("not implemented yet");
  }
}
