package org.servicegrid.client.internal;

import io.opentelemetry.api.OpenTelemetry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.servicegrid.protocol.tracing.Tracing;

/**
 * The service's {@link Tracing}, one per application, so that the filters and clients that make
 * spans share one instrumentation scope (the service's name) and one start-up check of whether
 * Liberty's SDK is on, instead of each learning it by itself.
 */
@ApplicationScoped
public class ServiceTracing {

  @Inject OpenTelemetry openTelemetry;
  @Inject ClientConfig config;

  @Produces
  @Singleton
  Tracing tracing() {
    return Tracing.of(openTelemetry, config.self().name());
  }
}
