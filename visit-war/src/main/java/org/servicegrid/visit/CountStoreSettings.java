package org.servicegrid.visit;

import java.time.Duration;

/**
 * How long a group waits for the count's row lock in the database (held by another instance's
 * group) before it is refused ({@code visit.db.lock-timeout}, read by {@link VisitConfig}).
 */
public record CountStoreSettings(Duration lockTimeout) {}
