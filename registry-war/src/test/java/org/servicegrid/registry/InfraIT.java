package org.servicegrid.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ArquillianExtension.class)
class InfraIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ShrinkWrap.create(WebArchive.class, "registry.war")
        .addPackages(true, "org.servicegrid.registry")
        .addAsLibrary(ShrinkWrap.create(org.jboss.shrinkwrap.api.spec.JavaArchive.class, "registry-protocol.jar")
            .addPackages(true, "org.servicegrid.protocol"));
  }

  @ArquillianResource URL base;

  @Test
  @RunAsClient
  void rejectsBadJson() throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(base + "services")).POST(HttpRequest.BodyPublishers.ofString("{bad")).build(),
        HttpResponse.BodyHandlers.ofString());
    System.out.println("STATUS " + r.statusCode() + " " + r.body());
    HttpResponse<String> r2 = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(base + "services")).PUT(HttpRequest.BodyPublishers.ofString("{}")).build(),
        HttpResponse.BodyHandlers.ofString());
    System.out.println("STATUS " + r2.statusCode() + " " + r2.body() + r2.headers().map());
    HttpResponse<String> r3 = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(base + "services")).POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"a\",\"addr\":\"h:1\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    System.out.println("STATUS " + r3.statusCode() + " " + r3.body());
    assertThat(r.statusCode()).isEqualTo(400);
  }
}
