package org.servicegrid.registry.notify;

import org.servicegrid.registry.table.Change;

/**
 * CDI event: the notice of {@code change} did not reach {@code dependent} (down, slow, refused, or
 * queue full).
 */
public record NoticeFailed(String dependent, Change change, String reason) {}
