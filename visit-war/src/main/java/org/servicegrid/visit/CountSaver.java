package org.servicegrid.visit;

import java.io.IOException;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Saves the visit count to its {@link VisitStateStore} for {@link VisitCounter}. Saves are serialized (this
 * object's monitor) and each writes the count as it is at that moment, which only grows, so the file never
 * goes backwards; groups whose saves queue up behind a slow one are covered by a single later save.
 */
final class CountSaver {

  private static final Logger LOG = Logger.getLogger(CountSaver.class.getName());

  private final VisitStateStore store;
  private final LongSupplier count;
  private long saved; // guarded by this object's monitor

  CountSaver(VisitStateStore store, long initial, LongSupplier count) {
    this.store = store;
    this.saved = initial;
    this.count = count;
  }

  /** Returns once a count of at least {@code value} has been saved (or the save failed and was logged). */
  synchronized void saveAtLeast(long value) {
    if (saved < value) {
      save();
    }
  }

  /** Saves the current count and closes the file (at shutdown). */
  synchronized void saveAndClose() {
    save();
    try {
      store.close();
    } catch (IOException e) {
      LOG.log(Level.WARNING, "Cannot close visit state file {0}: {1}", new Object[] {store.file(), e.toString()});
    }
  }

  private void save() {
    long value = count.getAsLong();
    try {
      store.save(value);
      saved = value;
    } catch (IOException e) {
      // The visits are counted and logged; the count stays right in memory and the next save catches up.
      LOG.log(Level.WARNING, "Cannot save visit count {0} to {1}: {2}",
          new Object[] {String.valueOf(value), store.file(), e.toString()});
    }
  }
}
