package org.servicegrid.registry.it;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Properties;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.servicegrid.testsupport.EvictionBound;

/**
 * The WAR the tests deploy: the module's real {@code registry.war} (built in {@code package}) plus
 * a jar whose {@code microprofile-config.properties} overrides some settings with a higher ordinal,
 * e.g. short heart-beat timings, so the tests exercise the shipped artifact with only the timing
 * changed.
 */
final class RegistryDeployment {

  private RegistryDeployment() {}

  /**
   * The registry WAR with {@code settings} (key, value, key, value, ...) overriding its defaults.
   */
  static WebArchive withSettings(String... settings) {
    Properties overrides = new Properties();
    overrides.setProperty("config_ordinal", "500");
    for (int i = 0; i < settings.length; i += 2) {
      overrides.setProperty(settings[i], settings[i + 1]);
    }
    JavaArchive config =
        ShrinkWrap.create(JavaArchive.class, "test-settings.jar")
            .addAsManifestResource(
                new StringAsset(text(overrides)), "microprofile-config.properties");
    return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/registry.war"))
        .addAsLibrary(config);
  }

  /**
   * Heart-beats that evict an instance answering 503 in well under a second (period 300 ms, 3
   * attempts 100 ms apart), with timeouts long enough (1 s) that a slow first call on a loaded
   * machine is not a miss.
   */
  static WebArchive withFastHeartBeats() {
    return withSettings(
        "registry.heartbeat.period", Long.toString(FAST_HEART_BEATS.period().toMillis()),
        "registry.heartbeat.attempts", Integer.toString(FAST_HEART_BEATS.attempts()),
        "registry.heartbeat.retry-pause", Long.toString(FAST_HEART_BEATS.retryPause().toMillis()),
        "registry.heartbeat.connect-timeout", "1000",
        "registry.heartbeat.read-timeout",
            Long.toString(FAST_HEART_BEATS.readTimeout().toMillis()));
  }

  /** The settings of {@link #withFastHeartBeats()}, and how long an eviction takes with them. */
  static final EvictionBound FAST_HEART_BEATS =
      new EvictionBound(Duration.ofMillis(300), 3, Duration.ofMillis(100), Duration.ofMillis(1000));

  /**
   * Heart-beats so rare that no instance is evicted while a test runs (its addresses need not
   * answer).
   */
  static WebArchive withoutEvictions() {
    return withSettings("registry.heartbeat.period", "600000");
  }

  private static String text(Properties properties) {
    try (StringWriter out = new StringWriter()) {
      properties.store(out, "test overrides");
      return out.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
