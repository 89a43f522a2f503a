package org.servicegrid.registry.table;

import org.servicegrid.protocol.InstanceId;

/** A status change for an instance that is not registered: 404, nothing changed. */
public class UnknownInstanceException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public UnknownInstanceException(InstanceId id) {
    super(
        "no instance of '"
            + id.name()
            + "' is registered at '"
            + id.addr()
            + "'; its status cannot be set");
  }
}
