/**
 * Tracing of what Liberty's MicroProfile Telemetry does not see by itself: requests answered by
 * servlet filters and calls made with Apache HttpClient. Off, at no cost, unless the server's
 * OpenTelemetry SDK is on; off too, and loading no OpenTelemetry class, in an application that does
 * not see the API ({@link org.servicegrid.protocol.tracing.Tracing}).
 */
package org.servicegrid.protocol.tracing;
