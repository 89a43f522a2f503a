package org.servicegrid.registry.notify;

import jakarta.ws.rs.core.Response;
import org.servicegrid.registry.table.Change;

/**
 * Sends notices through the registry's one {@link DependentClient}, whose connect and read timeouts bound what
 * a dead or hung dependent costs its queue per notice.
 */
final class RestNoticeSender implements NoticeSender {

  private final DependentClient client;

  RestNoticeSender(DependentClient client) {
    this.client = client;
  }

  @Override
  public void send(String dependent, Change change) {
    try (Response response = change.kind().isAddition()
        ? client.added(dependent, change.instance())
        : client.removed(dependent, change.instance())) {
      if (response.getStatusInfo().getFamily() != Response.Status.Family.SUCCESSFUL) {
        throw new NoticeRejectedException(dependent, response.getStatus());
      }
    }
  }
}
