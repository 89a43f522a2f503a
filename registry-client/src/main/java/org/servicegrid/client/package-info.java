/**
 * The registry-client library's public API, what a service WAR injects: {@code ServiceInstances}
 * (the live instances of the services it requires, selection, and clients to call them), {@code
 * ServiceRegistration} (its own registration, and requiring more services at run time), {@code
 * ServiceDirectory} (every service the registry knows, for the gateway) and {@code CallSettings}.
 * Registration itself needs no code: it starts with the application and ends when the server stops.
 * Everything else is in {@code internal}, which other modules must not use (an ArchUnit rule checks
 * it).
 */
package org.servicegrid.client;
