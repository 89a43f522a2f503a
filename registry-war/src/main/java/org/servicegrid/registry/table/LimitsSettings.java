package org.servicegrid.registry.table;

/**
 * What the table holds at most ({@code registry.limits.*}, read by {@code RegistryConfig}): instances of one service
 * (429 beyond) and services in use (507 beyond); {@link TableLimits} applies them.
 */
public record LimitsSettings(int maxInstancesPerService, int maxServices) {}
