package org.servicegrid.registry.notify;

import jakarta.ws.rs.core.Response;
import org.servicegrid.registry.table.Change;

/**
 * Sends notices through the registry's {@link DependentClients}, whose connect and read timeouts
 * bound what a dead or hung dependent costs its queue per notice.
 */
final class NoticeSender {

  private final DependentClients clients;

  NoticeSender(DependentClients clients) {
    this.clients = clients;
  }

  /**
   * Tells {@code dependent} of the change; returns once it answered 2xx, throws on any other
   * outcome.
   */
  void send(String dependent, Change change) {
    DependentClient client = clients.of(dependent);
    try (Response response =
        change.kind().isAddition()
            ? client.added(dependent, change.instance())
            : client.removed(dependent, change.instance())) {
      if (response.getStatusInfo().getFamily() != Response.Status.Family.SUCCESSFUL) {
        throw new NoticeRejectedException(dependent, response.getStatus());
      }
    }
  }
}
