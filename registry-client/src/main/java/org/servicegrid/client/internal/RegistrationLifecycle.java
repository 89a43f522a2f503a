package org.servicegrid.client.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Ties registration to the application's life: starts registering when the application is
 * initialized (without waiting for the registry: attempts run in the background) and deregisters as
 * soon as the server's HTTP listener closes ({@link HttpEndpointWatch}), at the start of a server
 * stop, rather than when the application stops after the requests in flight have ended. Where no
 * listener can be watched, it deregisters before the application's beans are destroyed, while the
 * rest clients and executor are still usable.
 */
@ApplicationScoped
class RegistrationLifecycle {

  @Inject Registrar registrar;
  @Inject RegistrySilenceWatchdog watchdog;
  @Inject HttpEndpointWatch endpointWatch;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    start();
    endpointWatch.watch(() -> stop("its HTTP listener closed"), this::start);
  }

  void onStop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object event) {
    endpointWatch.unwatch();
    stop("the application is stopping");
  }

  private void start() {
    registrar.start();
    watchdog.start();
  }

  private void stop(String why) {
    watchdog.stop();
    registrar.stop(why);
  }
}
