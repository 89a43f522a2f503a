package org.servicegrid.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class ServersUpIT {
  @Test
  void registryAnswers() throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:20000/services")).POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"a\",\"addr\":\"h:1\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    System.out.println("STATUS " + r.statusCode() + " " + r.body());
    assertThat(r.statusCode()).isEqualTo(200);
  }
}
