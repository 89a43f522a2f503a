package org.servicegrid.registry.notify;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A few {@link DependentClient}s, each dependent always served by the same one (by its address):
 * every MP Rest Client has one connection pool behind one lock, which all notice threads leasing
 * and releasing connections for a fan-out queued on; split, each lock sees a fraction of them.
 */
final class DependentClients implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(DependentClients.class.getName());

  private final List<DependentClient> clients;

  /** {@code count} clients, client {@code i} made by {@code build.apply(i)}. */
  DependentClients(int count, IntFunction<DependentClient> build) {
    if (count < 1) {
      throw new IllegalArgumentException("at least one client (got " + count + ")");
    }
    List<DependentClient> built = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      built.add(build.apply(i));
    }
    this.clients = List.copyOf(built);
  }

  /**
   * The client that serves {@code dependent} (a {@code host:port}): the same one for every notice
   * to it.
   */
  DependentClient of(String dependent) {
    return clients.get(Math.floorMod(dependent.hashCode(), clients.size()));
  }

  /** Closes every client: their connections, and so the calls still in flight. */
  @Override
  public void close() {
    for (DependentClient client : clients) {
      try {
        client.close();
      } catch (Exception e) {
        LOG.log(Level.FINE, "Closing a notice client failed: {0}", e.toString());
      }
    }
  }
}
