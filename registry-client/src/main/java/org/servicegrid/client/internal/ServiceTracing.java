package org.servicegrid.client.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.servicegrid.protocol.tracing.Tracing;

/**
 * The service's {@link Tracing}, one per application, so that the filters and clients that make
 * spans share one instrumentation scope (the service's name) and one start-up check of whether
 * tracing is on. Names no OpenTelemetry type, so that it deploys, with tracing off, on a server
 * whose applications do not see the API.
 */
@ApplicationScoped
public class ServiceTracing {

  @Inject ClientConfig config;

  @Produces
  @Singleton
  Tracing tracing() {
    return Tracing.of(config.self().name());
  }
}
