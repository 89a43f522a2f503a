package org.servicegrid.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The tests' one HTTP client: the JDK's, HTTP/1.1 only (an h2c upgrade offer stalls Liberty), 5 s
 * to connect, 30 s per request, following redirects ({@code /openapi/ui} answers with one).
 * Failures are unchecked, so calls fit in lambdas and static initialisers.
 */
public final class Http {

  public static final Duration TIMEOUT = Duration.ofSeconds(30);

  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(5))
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NORMAL)
          .build();

  private Http() {}

  /**
   * A request to {@code url} with the request timeout, for what the shortcuts below do not cover.
   */
  public static HttpRequest.Builder request(String url) {
    return HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT);
  }

  /** GET with headers given as name, value, name, value... */
  public static HttpResponse<String> get(String url, String... headers) {
    HttpRequest.Builder request = request(url).GET();
    if (headers.length > 0) {
      request.headers(headers);
    }
    return send(request);
  }

  public static HttpResponse<String> post(String url, String json) {
    return send("POST", url, json);
  }

  public static HttpResponse<String> delete(String url, String json) {
    return send("DELETE", url, json);
  }

  /**
   * A request with a JSON body ({@code null}: an empty one) and {@code Content-Type:
   * application/json}.
   */
  public static HttpResponse<String> send(String method, String url, String json) {
    return send(method, url, "application/json", json);
  }

  public static HttpResponse<String> send(
      String method, String url, String contentType, String body) {
    return send(
        request(url)
            .header("Content-Type", contentType)
            .method(
                method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body)));
  }

  public static HttpResponse<String> send(HttpRequest.Builder request) {
    return send(request, BodyHandlers.ofString());
  }

  public static <T> HttpResponse<T> send(HttpRequest.Builder request, BodyHandler<T> body) {
    HttpRequest built = request.build();
    try {
      return CLIENT.send(built, body);
    } catch (IOException e) {
      throw new UncheckedIOException(built.method() + " " + built.uri() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(built.method() + " " + built.uri() + " interrupted", e);
    }
  }

  /** Sends without waiting for the answer, e.g. to have many requests in flight at once. */
  public static CompletableFuture<HttpResponse<String>> sendAsync(HttpRequest.Builder request) {
    return CLIENT.sendAsync(request.build(), BodyHandlers.ofString());
  }

  /**
   * Asserts the status, with a message that names the request and shows the body; answers the
   * response.
   */
  public static HttpResponse<String> assertStatus(HttpResponse<String> response, int status) {
    assertThat(response.statusCode())
        .as("%s %s: %s", response.request().method(), response.uri(), response.body())
        .isEqualTo(status);
    return response;
  }

  /** The body as JSON (object or array). */
  public static JsonStructure json(HttpResponse<String> response) {
    return json(response.body());
  }

  public static JsonStructure json(String body) {
    try (var reader = Json.createReader(new StringReader(body))) {
      return reader.read();
    }
  }
}
