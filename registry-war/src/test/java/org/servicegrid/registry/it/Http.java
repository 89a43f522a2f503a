package org.servicegrid.registry.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Plain HTTP calls for the tests, as a client of the registry would make them. */
final class Http {

  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private Http() {}

  static HttpResponse<String> get(String url) {
    return send("GET", url, null);
  }

  static HttpResponse<String> post(String url, String json) {
    return send("POST", url, json);
  }

  static HttpResponse<String> delete(String url, String json) {
    return send("DELETE", url, json);
  }

  static HttpResponse<String> send(String method, String url, String body) {
    HttpRequest.BodyPublisher publisher =
        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body);
    HttpRequest request = HttpRequest.newBuilder(URI.create(url))
        .timeout(Duration.ofSeconds(20))
        .header("Content-Type", "application/json")
        .method(method, publisher)
        .build();
    try {
      return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + url, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(method + " " + url + " interrupted", e);
    }
  }

  /** The server's root URL ({@code http://host:port/}) of a deployment at {@code base}. */
  static String serverRoot(URL base) {
    return base.getProtocol() + "://" + base.getHost() + ":" + base.getPort() + "/";
  }

  /** The Prometheus text of the server's application metrics, asserting the call answered 200. */
  static String applicationMetrics(URL base) {
    HttpResponse<String> response = get(serverRoot(base) + "metrics?scope=application");
    assertThat(response.statusCode()).as("GET metrics of %s", base).isEqualTo(200);
    return response.body();
  }

  /** The body as JSON (object or array). */
  static JsonStructure json(HttpResponse<String> response) {
    try (var reader = Json.createReader(new StringReader(response.body()))) {
      return reader.read();
    }
  }

  /** A ServiceInfo body, built with JSON-P so names and addresses are escaped properly. */
  static String serviceInfo(String name, String addr, String... required) {
    var requiredArray = Json.createArrayBuilder();
    for (String r : required) {
      requiredArray.add(r);
    }
    return Json.createObjectBuilder()
        .add("Name", name).add("Addr", addr).add("RequiredServices", requiredArray).build().toString();
  }
}
