/**
 * Heart-beat checks: every {@code registry.heartbeat.period} {@code HeartBeatMonitor} snapshots the
 * registrations whose partitions this node owns and probes each address ({@code GET /heart-beat});
 * {@code HeartBeatChecker} holds the rules (attempts, pauses, eviction only of the registration
 * that was checked) without a container, so they are unit-tested. The health checks here report
 * whether the monitor started and keeps running.
 */
package org.servicegrid.registry.heartbeat;
