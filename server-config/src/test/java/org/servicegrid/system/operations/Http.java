package org.servicegrid.system.operations;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A JDK HTTP client with connect and request timeouts. HTTP/1.1 only: an h2c upgrade offer stalls Liberty.
 * It follows redirects because {@code /openapi/ui} answers with one to {@code /openapi/ui/}.
 */
final class Http {

  private static final HttpClient CLIENT = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5))
      .version(HttpClient.Version.HTTP_1_1)
      .followRedirects(HttpClient.Redirect.NORMAL)
      .build();

  private Http() {}

  static HttpResponse<String> get(String url) throws IOException, InterruptedException {
    return CLIENT.send(request(url).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> send(String method, String url, String contentType, String body)
      throws IOException, InterruptedException {
    HttpRequest request = request(url).header("Content-Type", contentType)
        .method(method, HttpRequest.BodyPublishers.ofString(body)).build();
    return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest.Builder request(String url) {
    return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
  }
}
