package org.servicegrid.client.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.servicegrid.protocol.ServiceInfo;

/**
 * Services an application starts requiring while it runs (the gateway learns them from its
 * traffic). Requiring a service subscribes to it: the registry answers its instances to the next
 * registration and pushes its changes from then on.
 */
@ApplicationScoped
public class Subscriptions {

  private static final Logger LOG = Logger.getLogger(Subscriptions.class.getName());

  @Inject SelfDescription self;
  @Inject InstanceTable table;
  @Inject Registrar registrar;

  /**
   * Requires the services and re-registers when any is new. Re-registration runs in the background,
   * so the instances given for a service the table does not know yet are picked from until the
   * registry answers. Names are checked first, so an invalid one changes nothing, not even the
   * table.
   */
  public void subscribe(Map<String, List<ServiceInfo>> services) {
    boolean changed = self.require(services.keySet());
    table.prime(services);
    if (changed) {
      LOG.log(Level.INFO, "Now requiring {0}; re-registering", self.current().requiredServices());
      registrar.requestRegistration();
    }
  }
}
