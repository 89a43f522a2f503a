/**
 * The registry's table of live instances and the protocol resources over it ({@code /services},
 * {@code /instances}). A write goes to the cluster's shared map ({@code cluster} package) and waits
 * until this node applied it, so a read here right after sees it; every node applies each change of
 * the map to its local copy from one ordered feed. {@code ServiceTable} is that copy's guard (one
 * read-write lock) and delegates: the data and its indexes to {@code Directory}, removals to {@code
 * Tombstones}, lookup answers kept as JSON to {@code InstancesJsonCache}, bounds to {@code
 * TableLimits}, and the notices of a change to a {@code ChangeSink} (the {@code notify} package).
 * Every change is also fired as a CDI event once the lock is released.
 */
package org.servicegrid.registry.table;
