package org.servicegrid.system;

import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Runs an action for each item at once, each on a thread of its own, and returns when all have
 * ended (rethrowing the first failure): servers starting or stopping side by side. A thread each,
 * not the common pool, whose size follows the cores and would run blocking starts a few at a time.
 */
public final class InParallel {

  private InParallel() {}

  public static <T> void forEach(Collection<T> items, Consumer<? super T> action) {
    ExecutorService threads = Executors.newFixedThreadPool(Math.max(1, items.size()));
    try {
      items.stream()
          .map(item -> CompletableFuture.runAsync(() -> action.accept(item), threads))
          .toList()
          .forEach(CompletableFuture::join);
    } finally {
      threads.shutdownNow();
    }
  }
}
