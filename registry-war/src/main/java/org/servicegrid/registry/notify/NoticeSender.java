package org.servicegrid.registry.notify;

import org.servicegrid.registry.table.Change;

/** Delivers notices to one dependent address; one instance per address, used by one thread at a time. */
public interface NoticeSender extends AutoCloseable {

  /** Sends the notice and returns once the dependent answered 2xx; throws on any other outcome. */
  void send(Change change) throws Exception;

  @Override
  void close();
}
