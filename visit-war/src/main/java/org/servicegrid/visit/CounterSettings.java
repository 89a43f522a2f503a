package org.servicegrid.visit;

import java.time.Duration;

/**
 * How long a visit waits to join a group (while the group before it is logged) before it is
 * refused, and the most visits one group (one log call) counts ({@code visit.counter.*}, read by
 * {@link VisitConfig}).
 */
public record CounterSettings(Duration waitTimeout, int maxGroup) {}
