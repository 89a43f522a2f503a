package org.servicegrid.registry.notify;

import java.time.Duration;
import org.servicegrid.registry.table.Change;

/** Told the outcome of every notice, for metrics, the event log and the server log. */
public interface DeliveryListener {

  /** The dependent at {@code address} accepted the notice, {@code latency} after the change. */
  void delivered(String address, Change change, Duration latency);

  /** The notice could not be delivered (dependent down, slow, refused it, or its queue was full). */
  void failed(String address, Change change, String reason);
}
