package org.servicegrid.registry.table;

import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The JSON answer of a lookup per service, written once per change of the service and kept until
 * its next change, for known names only (so unknown names cannot grow it). Kept apart from {@link
 * ServiceTable} as Eureka keeps its response cache apart from its registry; the table's lock is
 * what keeps it in step: {@link #render} runs under the read lock and {@link #drop} under the write
 * lock with the change, so a change comes either before a rendered answer (and is in it) or after
 * (and drops it). Reading a kept answer needs no lock.
 */
final class InstancesJsonCache {

  private final ConcurrentMap<String, byte[]> answers = new ConcurrentHashMap<>();

  /** The kept answer for {@code name}, or null. */
  byte[] get(String name) {
    return answers.get(name);
  }

  /**
   * Writes the answer for {@code name} from {@code directory} and keeps it if the directory knows
   * the name. Call under the table's read lock.
   */
  byte[] render(String name, Directory directory) {
    byte[] json = InstancesJson.list(directory.instancesOf(name));
    if (directory.knows(name)) {
      answers.put(name, json);
    }
    return json;
  }

  /** Drops the answers of {@code names}, which changed. Call under the table's write lock. */
  void drop(Collection<String> names) {
    names.forEach(answers::remove);
  }

  /** How many answers are kept. */
  int size() {
    return answers.size();
  }
}
