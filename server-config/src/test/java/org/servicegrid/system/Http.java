package org.servicegrid.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A JDK HTTP client with connect and request timeouts, for talking to the started servers. */
final class Http {

  static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();

  private Http() {}

  static HttpRequest.Builder request(String url) {
    return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
  }

  static HttpResponse<String> get(String url) throws IOException, InterruptedException {
    return CLIENT.send(request(url).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> send(String method, String url, String body) throws IOException, InterruptedException {
    HttpRequest request = request(url).method(method, HttpRequest.BodyPublishers.ofString(body)).build();
    return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> postJson(String url, String json) throws IOException, InterruptedException {
    HttpRequest request = request(url).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
