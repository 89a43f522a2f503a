package org.servicegrid.registry.table;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.servicegrid.registry.cluster.RegistrationRecord;
import org.servicegrid.registry.cluster.SharedRegistrations;

/**
 * This node's writes to the shared table: each waits, at most {@code timeout}, until the node has
 * applied it (the change feed calls {@link #applied} with the record's token), so that the caller's
 * next read here sees it. A cluster that does not take or apply the write in time makes it fail
 * with {@link TableUnavailableException} (503): it may still be applied later.
 */
final class ClusterWrites {

  private final ConcurrentMap<String, CompletableFuture<Void>> waiting = new ConcurrentHashMap<>();
  private final SharedRegistrations shared;
  private final Duration timeout;

  ClusterWrites(SharedRegistrations shared, Duration timeout) {
    this.shared = shared;
    this.timeout = timeout;
  }

  /**
   * Writes {@code record} if the condition holds (see {@link SharedRegistrations#write}); true when
   * it did.
   */
  boolean write(
      RegistrationRecord record, boolean requireLive, String requiredToken, Duration ttl) {
    CompletableFuture<Void> applied = new CompletableFuture<>();
    waiting.put(record.token(), applied);
    try {
      if (!shared.write(record, requireLive, requiredToken, ttl)) {
        return false;
      }
      applied.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      throw new TableUnavailableException(
          "the registry cluster did not apply the change within " + timeout.toMillis() + " ms", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TableUnavailableException(
          "interrupted while the registry cluster applied the change", e);
    } catch (ExecutionException | RuntimeException e) { // Hazelcast failing or stopping
      throw new TableUnavailableException("the registry cluster is unavailable: " + e, e);
    } finally {
      waiting.remove(record.token());
    }
  }

  /** This node applied the write with {@code token}, if it is one of its own waiting. */
  void applied(String token) {
    CompletableFuture<Void> write = waiting.get(token);
    if (write != null) {
      write.complete(null);
    }
  }
}
