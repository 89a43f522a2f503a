package org.servicegrid.registry.notify;

import org.servicegrid.registry.table.Change;

/** Delivers notices to dependents; one sender serves every dependent, from many threads at once. */
public interface NoticeSender {

  /** Tells {@code dependent} of the change and returns once it answered 2xx; throws on any other outcome. */
  void send(String dependent, Change change) throws Exception;
}
