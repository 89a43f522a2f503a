package org.servicegrid.registry.notify;

import jakarta.ws.rs.core.Response;
import org.servicegrid.registry.table.Change;

/**
 * Sends the notices of one dependent through the registry's one {@link DependentClient}, whose connect and
 * read timeouts bound what a dead or hung dependent costs its queue per notice. Closing it leaves the shared
 * client open: {@link ChangeNotifier} owns that.
 */
final class RestNoticeSender implements NoticeSender {

  private final String address;
  private final DependentClient client;

  RestNoticeSender(String address, DependentClient client) {
    this.address = address;
    this.client = client;
  }

  @Override
  public void send(Change change) {
    try (Response response = change.kind().isAddition()
        ? client.added(address, change.instance())
        : client.removed(address, change.instance())) {
      if (response.getStatusInfo().getFamily() != Response.Status.Family.SUCCESSFUL) {
        throw new NoticeRejectedException(address, response.getStatus());
      }
    }
  }

  @Override
  public void close() {
    // the client is shared by every dependent and closed with the notifier
  }
}
