/**
 * What the registry adds to the traces Liberty's MicroProfile Telemetry makes: a change remembers
 * the span it was made in ({@code TraceParent}), so that the notices it causes, sent later from
 * other threads or nodes, join that trace; an eviction is a span of its own; heart-beat probes tell
 * the probed instance not to trace them. All of it only while the server's SDK is on.
 */
package org.servicegrid.registry.tracing;
