package org.servicegrid.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** The gateway routes to any registered service, a peer written only against the protocol included. */
@Order(3)
class GatewayRoutingIT {

  private static FakeService echo;

  @BeforeAll
  static void registerAFakeService() throws Exception {
    SystemServers.awaitSystemReady();
    echo = new FakeService("echo-" + UUID.randomUUID().toString().substring(0, 8));
    echo.register();
  }

  @AfterAll
  static void deregister() throws Exception {
    echo.close();
  }

  @Test
  void forwardsMethodPathQueryAndBodyAndReturnsStatusAndHeaders() throws Exception {
    String url = SystemServers.GATEWAY + "/" + echo.name + "/echo/a/b?x=1&y=two%20words";

    HttpResponse<String> response = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
        .until(() -> Http.CLIENT.send(Http.request(url).header("X-Custom", "kept")
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString("hello, body")).build(),
            HttpResponse.BodyHandlers.ofString()), r -> r.statusCode() != 404 && r.statusCode() != 503);

    assertThat(response.statusCode()).as("POST %s", url).isEqualTo(201);
    assertThat(response.body()).isEqualTo("echo hello, body");
    assertThat(response.headers().firstValue("X-Upstream")).hasValue(echo.name);
    FakeService.Recorded seen = echo.lastRequest.get();
    assertThat(seen.method()).isEqualTo("POST");
    assertThat(seen.path()).isEqualTo("/echo/a/b");
    assertThat(seen.rawQuery()).isEqualTo("x=1&y=two%20words");
    assertThat(seen.body()).isEqualTo("hello, body");
    assertThat(seen.forwardedFor()).isEqualTo("127.0.0.1");
    assertThat(seen.forwardedHost()).isEqualTo("127.0.0.1:20001");
    assertThat(seen.forwardedProto()).isEqualTo("http");
    assertThat(seen.customHeader()).isEqualTo("kept");
  }

  @Test
  void streamsATwoMegabyteResponseThroughUnchanged() throws Exception {
    String url = SystemServers.GATEWAY + "/" + echo.name + "/big";

    HttpResponse<byte[]> response = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
        .until(() -> Http.CLIENT.send(Http.request(url).build(), HttpResponse.BodyHandlers.ofByteArray()),
            r -> r.statusCode() == 200);

    assertThat(response.body()).hasSize(FakeService.BIG_BODY_BYTES);
    assertThat(sha256(response.body())).isEqualTo(sha256(FakeService.bigBody()));
  }

  @Test
  void answers404ForAServiceNobodyRegistered() throws Exception {
    HttpResponse<String> response = Http.get(SystemServers.GATEWAY + "/no-such-service-" + UUID.randomUUID() + "/x");

    assertThat(response.statusCode()).as("unknown service").isEqualTo(404);
    assertThat(response.body()).contains("\"error\"");
  }

  @Test
  void answers503ForAKnownServiceWithoutLiveInstances() throws Exception {
    FakeService gone = new FakeService("gone-" + UUID.randomUUID().toString().substring(0, 8));
    gone.register();
    gone.close();

    HttpResponse<String> response = Http.get(SystemServers.GATEWAY + "/" + gone.name + "/x");

    assertThat(response.statusCode()).as("service without instances").isEqualTo(503);
    assertThat(response.body()).contains("\"error\"");
  }

  private static String sha256(byte[] bytes) throws Exception {
    return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
