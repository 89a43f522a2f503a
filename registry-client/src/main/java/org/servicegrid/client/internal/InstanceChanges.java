package org.servicegrid.client.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.servicegrid.protocol.ServiceInfo;

/**
 * Applies the registry's add and remove notices to the table, the failure marks and the cached
 * clients. The table holds only instances in service: an announced instance whose Status says it is
 * out of service is taken as its removal, so that no caller picks it whatever the notice.
 */
@ApplicationScoped
class InstanceChanges {

  private static final Logger LOG = Logger.getLogger(InstanceChanges.class.getName());

  @Inject InstanceTable table;
  @Inject InstanceSelector selector;
  @Inject RestClients clients;

  /** The registry announced the instance: known from now on, and any failure mark is forgotten. */
  void added(ServiceInfo instance) {
    if (!instance.inService()) {
      removed(instance);
      return;
    }
    selector.forgetFailure(instance);
    boolean isNew = table.add(instance);
    LOG.log(
        Level.INFO,
        "Instance {0} {1}",
        new Object[] {instance.id(), isNew ? "added" : "re-announced"});
  }

  /**
   * The registry removed the instance: no longer picked; its clients go when its address is unused.
   */
  void removed(ServiceInfo instance) {
    boolean known = table.remove(instance);
    if (!table.knowsAddress(instance.addr())) {
      clients.evict(instance.addr());
    }
    LOG.log(
        Level.INFO,
        "Instance {0} removed{1}",
        new Object[] {instance.id(), known ? "" : " (was unknown)"});
  }
}
