package org.servicegrid.client;

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
public class RegistrationLifecycle {

  @Inject ClientConfig config;
  @Inject RegistrationState state;
  @Inject Registrar registrar;
  @Inject RegistrySilenceWatchdog watchdog;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    ClientSettings settings = config.settings();
    if (!settings.valid()) {
      state.misconfigured("invalid configuration: " + String.join("; ", settings.problems()));
      return;
    }
    registrar.start();
    watchdog.start();
  }

  void onStop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object event) {
    if (config.settings().valid()) {
      watchdog.stop();
      registrar.stop();
    }
  }
}
