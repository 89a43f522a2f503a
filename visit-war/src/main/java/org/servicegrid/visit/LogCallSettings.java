package org.servicegrid.visit;

/**
 * How many log instances one visit's log call tries ({@code visit.log.attempts}, read by {@link
 * VisitConfig}).
 */
public record LogCallSettings(int attempts) {}
