package org.servicegrid.registry.tracing;

/**
 * Whether this server's OpenTelemetry SDK records traces: Liberty's {@code otel.sdk.disabled}
 * ({@code OTEL_SDK_DISABLED=false} turns it on), read once by {@code RegistryConfig} so that the
 * hot paths test a flag instead of asking OpenTelemetry per request.
 */
public record TracingSettings(boolean enabled) {

  /** Tracing off: what tests outside the container run with. */
  public static final TracingSettings OFF = new TracingSettings(false);
}
