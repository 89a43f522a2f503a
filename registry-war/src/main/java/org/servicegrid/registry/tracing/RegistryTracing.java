package org.servicegrid.registry.tracing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.servicegrid.protocol.tracing.Tracing;

/** The registry's {@link Tracing}: whether Liberty's SDK is on is learnt once, at start. */
@ApplicationScoped
public class RegistryTracing {

  @Produces
  @Singleton
  Tracing tracing() {
    return Tracing.of("registry");
  }
}
