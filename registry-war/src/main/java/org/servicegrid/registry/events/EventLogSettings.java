package org.servicegrid.registry.events;

/**
 * The recent events kept for {@code GET /events} ({@code registry.events.capacity}, read by
 * RegistryConfig).
 */
public record EventLogSettings(int capacity) {}
