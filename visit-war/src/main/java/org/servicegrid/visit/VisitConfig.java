package org.servicegrid.visit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Duration;
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

  /**
   * {@code visit.counter.*}: how long a visit waits to join a group (while the group before it is
   * logged) before it is refused, and the most visits one group (one log call) counts.
   */
  public record Counter(Duration waitTimeout, int maxGroup) {}

  /**
   * The count's database: how long a group waits for the count's row lock (another instance's
   * group) before it is refused ({@code visit.db.lock-timeout}).
   */
  public record Store(Duration lockTimeout) {}

  /** {@code visit.log.attempts}: how many log instances one visit tries. */
  public record Logging(int attempts) {}

  @Produces Counter counter;
  @Produces Store store;
  @Produces Logging logging;

  @Override
  public void validate() {
    ConfigKeys visit = keys("visit");
    counter =
        new Counter(visit.millis("counter.wait-timeout", 1), visit.integer("counter.max-group", 1));
    store = new Store(visit.millis("db.lock-timeout", 1));
    logging = new Logging(visit.integer("log.attempts", 1));
  }
}
