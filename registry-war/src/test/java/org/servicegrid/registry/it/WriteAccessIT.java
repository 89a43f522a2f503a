package org.servicegrid.registry.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.servicegrid.testsupport.ServiceInfoJson.serviceInfo;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.servicegrid.testsupport.FakeInstance;
import org.servicegrid.testsupport.Http;
import org.servicegrid.testsupport.TestTokens;

/**
 * Registry writes with the shipped security settings (tokens verified by Liberty's mpJwt-2.1): a
 * token's subject may register and deregister its own name only, an admin any name, no or a bad
 * token is 401 and a foreign name 403, each with a JSON error and no change to the table; reads
 * stay open, even with a bad token; notices carry the registry's own token.
 */
class WriteAccessIT extends RegistryOverHttp {

  private static final String LOG = TestTokens.forService("wa-log");

  @Deployment(testable = false)
  static WebArchive deployment() {
    return RegistryDeployment.withoutEvictions();
  }

  @Test
  void aServiceRegistersAndDeregistersItsOwnNameWithItsToken() {
    String info = serviceInfo("wa-log", "127.0.0.1:7301");

    assertStatus(send("POST", info, LOG), 200);
    assertThat(instancesOf("wa-log")).contains("127.0.0.1:7301");

    assertStatus(send("DELETE", info, LOG), 200);
    assertThat(instancesOf("wa-log")).isEqualTo("[]");
  }

  @Test
  void withoutATokenNothingIsRegisteredOrDeregistered() {
    String info = serviceInfo("wa-anon", "127.0.0.1:7302");

    HttpResponse<String> refused = assertStatus(send("POST", info, null), 401);
    assertThat(refused.headers().firstValue("WWW-Authenticate")).contains("Bearer");
    assertThat(error(refused)).contains("bearer token is required");
    assertThat(instancesOf("wa-anon")).isEqualTo("[]");

    assertDeregistrationRefused("wa-anon", "127.0.0.1:7302", null, 401);
  }

  /**
   * Liberty's mpJwt verifies the token and does not tell the application why it refused one (its
   * log does).
   */
  @Test
  void aBadTokenIsRefusedWith401AndChangesNothing() {
    String info = serviceInfo("wa-bad", "127.0.0.1:7303");

    for (String bad :
        List.of(
            TestTokens.signedByAnotherKey("wa-bad"),
            TestTokens.expired("wa-bad"),
            TestTokens.ofIssuer("another-issuer", "wa-bad"),
            "not-a-token")) {
      HttpResponse<String> refused = assertStatus(send("POST", info, bad), 401);
      assertThat(refused.headers().firstValue("WWW-Authenticate")).contains("Bearer");
      assertThat(error(refused)).contains("bearer token is not valid");
    }
    HttpResponse<String> basic =
        Http.send(
            Http.request(base + "services")
                .header("Authorization", "Basic dXNlcjpw")
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(info)));
    assertThat(error(assertStatus(basic, 401))).contains("must be 'Bearer <token>'");
    assertThat(instancesOf("wa-bad")).isEqualTo("[]");

    register(info); // by the admin
    assertStatus(send("DELETE", info, TestTokens.expired("wa-bad")), 401);
    assertThat(instancesOf("wa-bad")).contains("127.0.0.1:7303");
  }

  @Test
  void readsNeedNoTokenAndIgnoreABadOne() {
    assertStatus(Http.get(base + "services", "Authorization", "Bearer not-a-token"), 200);
    assertStatus(
        Http.get(root() + "health/ready", "Authorization", "Bearer " + TestTokens.expired("x")),
        200);
    for (String path : List.of("health/ready", "metrics", "openapi")) {
      assertStatus(Http.get(root() + path), 200);
    }
  }

  @Test
  void aTokenForAnotherNameIsRefusedWith403AndChangesNothing() {
    String info = serviceInfo("wa-visit", "127.0.0.1:7304");

    assertThat(error(assertStatus(send("POST", info, LOG), 403)))
        .contains("'wa-log'", "'wa-visit'");
    assertThat(instancesOf("wa-visit")).isEqualTo("[]");

    assertDeregistrationRefused("wa-visit", "127.0.0.1:7304", LOG, 403);
  }

  @Test
  void anAdminActsForAnyNameAndReadsNeedNoToken() {
    String info = serviceInfo("wa-any", "127.0.0.1:7305");

    assertStatus(send("POST", info, TestTokens.admin()), 200);

    assertStatus(Http.get(base + "services"), 200);
    assertStatus(Http.get(base + "instances"), 200);
    assertThat(instancesOf("wa-any")).contains("127.0.0.1:7305");
  }

  @Test
  void noticesCarryTheRegistrysOwnToken() throws Exception {
    try (FakeInstance dependent = new FakeInstance();
        FakeInstance instance = new FakeInstance()) {
      register(serviceInfo("wa-front", dependent.addr(), "wa-backend"));
      register(serviceInfo("wa-backend", instance.addr()));

      await().atMost(Duration.ofSeconds(30)).until(() -> !dependent.notices().isEmpty());
      assertThat(dependent.notices().get(0).header("Authorization"))
          .isEqualTo("Bearer " + TestTokens.registry());
    }
  }

  /**
   * The instance, registered by the admin, stays registered when {@code token} tries to deregister
   * it.
   */
  private void assertDeregistrationRefused(String name, String addr, String token, int status) {
    String info = serviceInfo(name, addr);
    register(info);
    assertStatus(send("DELETE", info, token), status);
    assertThat(instancesOf(name)).contains(addr);
  }

  private HttpResponse<String> send(String method, String info, String token) {
    return TestTokens.send(method, base + "services", info, token);
  }

  private String instancesOf(String name) {
    return assertStatus(Http.get(base + "services/" + name), 200).body();
  }

  private static HttpResponse<String> assertStatus(HttpResponse<String> response, int status) {
    assertThat(response.statusCode())
        .as("%s %s: %s", response.request().method(), response.uri(), response.body())
        .isEqualTo(status);
    return response;
  }

  private static String error(HttpResponse<String> response) {
    return Http.json(response).asJsonObject().getString("error");
  }
}
