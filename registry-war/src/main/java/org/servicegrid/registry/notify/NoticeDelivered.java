package org.servicegrid.registry.notify;

import java.time.Duration;
import org.servicegrid.registry.table.Change;

/**
 * CDI event: the dependent at {@code dependent} accepted its notice of {@code change}, {@code
 * latency} after it.
 */
public record NoticeDelivered(String dependent, Change change, Duration latency) {}
