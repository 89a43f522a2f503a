/**
 * The registry service: the JAX-RS application at the root ({@code RegistryApplication}) and the
 * one configuration bean ({@code RegistryConfig}) that reads and validates every {@code registry.*}
 * key once and produces a settings record for each feature package. The features live in the
 * subpackages: the table of live instances ({@code table}), its sharing between registry nodes
 * ({@code cluster}), heart-beat checks ({@code heartbeat}), notices to dependents ({@code notify}),
 * write access ({@code auth}), recent events, metrics and the operations dashboard. This package
 * depends on them, never the other way round.
 */
package org.servicegrid.registry;
