/**
 * The registry's application metrics ({@code /metrics?scope=application}), fed by the table's
 * change events and by the heart-beat and notification paths, with a gauge of instances per known
 * service.
 */
package org.servicegrid.registry.metrics;
