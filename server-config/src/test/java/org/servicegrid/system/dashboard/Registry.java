package org.servicegrid.system.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The real registry the build started on 127.0.0.1:20000, reached with a JDK client with timeouts. */
final class Registry {

  static final String BASE = "http://127.0.0.1:20000";
  private static final Duration START_BOUND = Duration.ofSeconds(180);
  private static final HttpClient CLIENT = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5))
      .version(HttpClient.Version.HTTP_1_1)
      .build();

  private Registry() {}

  /** Waits (bounded) until the registry answers its readiness check. */
  static void awaitReady() {
    await().atMost(START_BOUND).pollInterval(Duration.ofMillis(250)).ignoreExceptions().untilAsserted(() ->
        assertThat(get("/health/ready").statusCode()).as(BASE + "/health/ready").isEqualTo(200));
  }

  static HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
    HttpRequest.Builder request = request(path).GET();
    if (headers.length > 0) {
      request.headers(headers);
    }
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> send(String method, String path, String json) throws IOException, InterruptedException {
    HttpRequest request = request(path).header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(json)).build();
    return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(BASE + path)).timeout(Duration.ofSeconds(30));
  }
}
