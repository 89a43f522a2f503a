/**
 * Heart-beat checks: every {@code registry.heartbeat.period} {@code HeartBeatMonitor} snapshots the
 * registrations at the addresses this node owns (the owner of the address's partition: one node per
 * address) and probes each address once ({@code GET /heart-beat}), spread over the period, on
 * kept-alive connections without a thread per probe; {@code HeartBeatChecker} holds the rules
 * (attempts, pauses, eviction only of the registration that was checked) without a container, so
 * they are unit-tested. The health checks here report whether the monitor started and keeps
 * running.
 */
package org.servicegrid.registry.heartbeat;
