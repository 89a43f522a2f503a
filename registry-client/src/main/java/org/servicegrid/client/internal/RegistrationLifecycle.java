package org.servicegrid.client.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Ties registration to the application's life: starts registering when the application is initialized
 * (without waiting for the registry: attempts run in the background) and deregisters before the
 * application's beans are destroyed, while the rest clients and executor are still usable.
 */
@ApplicationScoped
class RegistrationLifecycle {

  @Inject Registrar registrar;
  @Inject RegistrySilenceWatchdog watchdog;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    registrar.start();
    watchdog.start();
  }

  void onStop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object event) {
    watchdog.stop();
    registrar.stop();
  }
}
