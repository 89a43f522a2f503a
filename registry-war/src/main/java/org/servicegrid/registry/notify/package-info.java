/**
 * Notices to dependents: when an instance of a service is added or removed, every instance that
 * requires the service is told ({@code POST}/{@code DELETE /services} on it). The table hands each
 * change to {@code ChangeNotifier} under its lock, which only queues: one FIFO per dependent
 * address, drained on the notifier's own managed threads through a few shared MP Rest Clients, so a
 * slow or dead dependent delays only itself and each dependent hears the changes in order.
 * Deliveries and failures are CDI events for the metrics and the event log.
 */
package org.servicegrid.registry.notify;
