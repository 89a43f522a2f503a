package org.servicegrid.registry.notify;

import io.opentelemetry.context.Scope;
import jakarta.ws.rs.core.Response;
import org.servicegrid.protocol.tracing.TraceParent;
import org.servicegrid.registry.table.Change;

/**
 * Sends notices through the registry's {@link DependentClients}, whose connect and read timeouts
 * bound what a dead or hung dependent costs its queue per notice. A notice is sent under the span
 * its change was made in, so Liberty's client span for it (and the {@code traceparent} it sends)
 * continues that trace although it leaves from a notice thread, maybe on another node.
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
    if (change.traceParent().isEmpty()) { // always so while tracing is off
      deliver(dependent, change);
      return;
    }
    try (Scope parent = TraceParent.resume(change.traceParent())) {
      deliver(dependent, change);
    }
  }

  private void deliver(String dependent, Change change) {
    DependentClient client = clients.of(dependent);
    try (Response response =
        change.notice() == Change.Notice.ADD
            ? client.added(dependent, change.instance())
            : client.removed(dependent, change.instance())) {
      if (response.getStatusInfo().getFamily() != Response.Status.Family.SUCCESSFUL) {
        throw new NoticeRejectedException(dependent, response.getStatus());
      }
    }
  }
}
