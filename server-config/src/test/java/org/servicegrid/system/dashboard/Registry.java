package org.servicegrid.system.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.servicegrid.testsupport.Http;

/** The real registry the build started on 127.0.0.1:20000. */
final class Registry {

  static final String BASE = "http://127.0.0.1:20000";
  private static final Duration START_BOUND = Duration.ofSeconds(180);

  private Registry() {}

  /** Waits (bounded) until the registry answers its readiness check. */
  static void awaitReady() {
    await()
        .atMost(START_BOUND)
        .pollInterval(Duration.ofMillis(250))
        .ignoreExceptions()
        .untilAsserted(
            () ->
                assertThat(get("/health/ready").statusCode())
                    .as(BASE + "/health/ready")
                    .isEqualTo(200));
  }

  /** GET {@code path} of the registry, with headers given as name, value, name, value... */
  static HttpResponse<String> get(String path, String... headers) {
    return Http.get(BASE + path, headers);
  }
}
