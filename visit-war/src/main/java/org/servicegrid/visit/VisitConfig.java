package org.servicegrid.visit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.servicegrid.protocol.config.ConfigKeys;
import org.servicegrid.protocol.config.ValidatedConfig;

/**
 * The visit service's settings ({@code visit.*}), read once into the records it produces for the
 * beans that use them. Defaults live only in {@code META-INF/microprofile-config.properties}.
 * Validated once, before the rest of the application starts: a bad value fails the deployment
 * naming its key.
 */
@ApplicationScoped
public class VisitConfig extends ValidatedConfig {

  @Produces CounterSettings counter;
  @Produces CountStoreSettings store;
  @Produces LogCallSettings logCall;

  @Override
  public void validate() {
    ConfigKeys visit = keys("visit");
    counter =
        new CounterSettings(
            visit.millis("counter.wait-timeout", 1), visit.integer("counter.max-group", 1));
    store = new CountStoreSettings(visit.millis("db.lock-timeout", 1));
    logCall = new LogCallSettings(visit.integer("log.attempts", 1));
  }
}
