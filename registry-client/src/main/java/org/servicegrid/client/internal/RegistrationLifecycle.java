package org.servicegrid.client.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Ties registration to the application's life: starts registering when the application is initialized (without
 * waiting for the registry: attempts run in the background) and deregisters when the server's HTTP listener is
 * about to close ({@link HttpEndpointWatch}), then keeps serving for {@code registry.client.stop-drain}. Where no
 * listener can be watched, it deregisters before the application's beans are destroyed, while the rest clients and
 * executor are still usable.
 */
@ApplicationScoped
class RegistrationLifecycle {

  private static final Logger LOG = Logger.getLogger(RegistrationLifecycle.class.getName());

  @Inject Registrar registrar;
  @Inject RegistrySilenceWatchdog watchdog;
  @Inject HttpEndpointWatch endpointWatch;
  @Inject ClientConfig config;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    start();
    endpointWatch.watch(this::stopAndDrain, this::start);
  }

  void onStop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object event) {
    endpointWatch.unwatch();
    stop();
  }

  private void start() {
    registrar.start();
    watchdog.start();
  }

  private boolean stop() {
    watchdog.stop();
    return registrar.stop();
  }

  private void stopAndDrain() {
    if (!stop()) {
      return;
    }
    long drain = config.stopDrain().toMillis();
    LOG.log(Level.INFO, "HTTP listener closing: deregistered, serving {0} ms more", drain);
    try {
      Thread.sleep(drain);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the server wants to stop now: stop draining
    }
  }
}
