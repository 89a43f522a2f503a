/**
 * The recent registry events (registrations, removals, failed notices), newest first, kept in
 * memory for {@code GET /events} and the dashboard: a bounded log fed by the table's and the
 * notifier's CDI events after their locks are released.
 */
package org.servicegrid.registry.events;
