/**
 * How registry nodes share one table: every node runs an embedded Hazelcast member ({@code
 * ClusterMember}), and the registrations live in one Hazelcast map ({@code SharedRegistrations}) as
 * plain-text {@code RegistrationRecord}s, live or tombstones, versioned per key by the key's owner
 * ({@code RecordWrite}). {@code ChangeFeed} hands every change of the map, in order and on one
 * application thread, to the {@code table} package, which keeps the node's local copy; when a
 * member leaves or a split heals it reads the whole map again. Nothing here runs application code
 * on Hazelcast's own threads.
 */
package org.servicegrid.registry.cluster;
