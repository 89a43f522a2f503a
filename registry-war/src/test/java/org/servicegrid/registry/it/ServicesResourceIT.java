package org.servicegrid.registry.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicegrid.testsupport.Http.json;
import static org.servicegrid.testsupport.ServiceInfoJson.serviceInfo;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.servicegrid.testsupport.Http;

/**
 * The registry protocol over HTTP against the deployed WAR (instances need not answer: no
 * evictions).
 */
class ServicesResourceIT extends RegistryOverHttp {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return RegistryDeployment.withoutEvictions();
  }

  @Test
  void registrationIsAnsweredWithTheLiveInstancesOfEachRequiredService() {
    assertOk(post(serviceInfo("res-log", "127.0.0.1:7001")));

    HttpResponse<String> answer =
        post(serviceInfo("res-visit", "127.0.0.1:7002", "res-log", "res-db"));

    assertOk(answer);
    JsonObject body = json(answer).asJsonObject();
    assertThat(body.keySet()).containsExactlyInAnyOrder("res-log", "res-db");
    assertThat(body.getJsonArray("res-log").getJsonObject(0).getString("Addr"))
        .isEqualTo("127.0.0.1:7001");
    assertThat(body.getJsonArray("res-log").getJsonObject(0).getString("Name"))
        .isEqualTo("res-log");
    assertThat(body.getJsonArray("res-db")).isEmpty();
  }

  @Test
  void registeringAgainReplacesAndDeleteRemovesEvenTwice() {
    String instance = serviceInfo("res-again", "127.0.0.1:7003");
    assertOk(post(instance));
    assertOk(post(serviceInfo("res-again", "127.0.0.1:7003", "res-other")));
    assertThat(json(Http.get(services() + "/res-again")).asJsonArray()).hasSize(1);

    assertOk(delete(instance));
    assertOk(delete(instance));

    assertThat(json(Http.get(services() + "/res-again")).asJsonArray()).isEmpty();
  }

  @Test
  void listsEveryKnownServiceIncludingTheOnesWithoutLiveInstances() {
    assertOk(post(serviceInfo("res-front", "127.0.0.1:7004", "res-missing")));

    HttpResponse<String> all = Http.get(services());

    assertOk(all);
    JsonObject body = json(all).asJsonObject();
    assertThat(body.getJsonArray("res-front")).hasSize(1);
    assertThat(body.getJsonArray("res-missing")).isEmpty();
    assertThat(body.containsKey("res-never-heard-of")).isFalse();
    assertThat(json(Http.get(services() + "/res-never-heard-of")).asJsonArray()).isEmpty();
  }

  @Test
  void rejectsBadRegistrationsWith400AndChangesNothing() {
    String before = Http.get(services()).body();

    assertBadRequest(post("{\"Name\": \"res-bad\", "), "malformed JSON");
    assertBadRequest(post("{\"Addr\": \"127.0.0.1:7005\"}"), "Name is required");
    assertBadRequest(post("{\"Name\": \"res-bad\"}"), "Addr is required");
    assertBadRequest(post(serviceInfo("res-bad", "http://x:1/p")), "not a valid address");
    String oversize =
        "{\"Name\": \"res-bad\", \"Addr\": \"127.0.0.1:7005\", \"Padding\": \""
            + "x".repeat(64 * 1024)
            + "\"}"; // valid but for its size: unknown fields are ignored
    assertBadRequest(post(oversize), "larger than 65536 bytes");
    assertBadRequest(delete("not json"), "malformed JSON");

    assertThat(Http.get(services()).body()).isEqualTo(before);
  }

  /**
   * The default {@code registry.allowed-addresses}: loopback (IPv6 in brackets too) and names that
   * resolve there are admitted, a documentation address and a name that does not resolve are not.
   */
  @Test
  void registersOnlyAtAllowedAddressesByDefault() {
    String before = Http.get(services()).body();

    assertBadRequest(
        post(serviceInfo("res-outside", "203.0.113.5:80")),
        "Addr '203.0.113.5:80' may not be registered: 203.0.113.5, which"
            + " registry.allowed-addresses does not allow");
    assertBadRequest(
        post(serviceInfo("res-outside", "nosuch.invalid:80")), "nosuch.invalid does not resolve");
    assertThat(Http.get(services()).body()).isEqualTo(before);

    for (String addr : List.of("127.0.0.1:7007", "[::1]:7008", "localhost:7009")) {
      assertOk(post(serviceInfo("res-inside", addr)));
    }
    assertThat(json(Http.get(services() + "/res-inside")).asJsonArray()).hasSize(3);
  }

  @Test
  void unsupportedMethodsAre405WithAJsonError() {
    HttpResponse<String> put =
        Http.send("PUT", services(), serviceInfo("res-put", "127.0.0.1:7006"));

    assertThat(put.statusCode()).as("PUT %s", services()).isEqualTo(405);
    assertThat(json(put).asJsonObject().getString("error")).isNotBlank();
  }

  private String services() {
    return base + "services";
  }

  private static void assertOk(HttpResponse<String> response) {
    Http.assertStatus(response, 200);
  }

  private static void assertBadRequest(HttpResponse<String> response, String reason) {
    Http.assertStatus(response, 400);
    assertThat(json(response).asJsonObject().getString("error")).contains(reason);
  }
}
