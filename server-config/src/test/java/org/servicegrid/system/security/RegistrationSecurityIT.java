package org.servicegrid.system.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicegrid.testsupport.ServiceInfoJson.serviceInfo;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.servicegrid.system.Server;
import org.servicegrid.system.UsesSharedSystem;
import org.servicegrid.testsupport.Http;
import org.servicegrid.testsupport.TestTokens;

/**
 * The four servers with the credentials the build generated: they registered with their tokens (the
 * system is ready), a write without a token or for another service's name is refused and changes
 * nothing, and a service hears notices only with the registry's token.
 */
@UsesSharedSystem
class RegistrationSecurityIT {

  @Test
  void theRegistryRefusesAWriteWithoutATokenAndChangesNothing() {
    HttpResponse<String> refused =
        TestTokens.send(
            "POST",
            Server.REGISTRY.url("/services"),
            serviceInfo("sec-intruder", "127.0.0.1:9"),
            null);

    assertThat(refused.statusCode()).as("POST /services without a token").isEqualTo(401);
    assertThat(Http.json(refused).asJsonObject().getString("error")).contains("bearer token");
    assertThat(Http.get(Server.REGISTRY.url("/services/sec-intruder")).body()).isEqualTo("[]");
  }

  @Test
  void aServicesGeneratedTokenCannotDeregisterAnotherService() {
    String visitAddr =
        Http.json(Http.get(Server.REGISTRY.url("/services/visit")))
            .asJsonArray()
            .getJsonObject(0)
            .getString("Addr");
    String logToken = TestTokens.generated("log");

    HttpResponse<String> refused =
        TestTokens.send(
            "DELETE", Server.REGISTRY.url("/services"), serviceInfo("visit", visitAddr), logToken);

    assertThat(refused.statusCode()).as("DELETE visit with log's token").isEqualTo(403);
    assertThat(Http.get(Server.REGISTRY.url("/services/visit")).body()).contains(visitAddr);
  }

  @Test
  void theGatewayRefusesNoticesThatDoNotComeFromTheRegistry() {
    int visitsBefore = routableInstances("visit");
    String fake = serviceInfo("visit", "127.0.0.1:9");

    assertThat(TestTokens.send("POST", Server.GATEWAY.url("/services"), fake, null).statusCode())
        .as("notice without a token")
        .isEqualTo(401);
    assertThat(
            TestTokens.send(
                    "POST", Server.GATEWAY.url("/services"), fake, TestTokens.forService("visit"))
                .statusCode())
        .as("notice with a service's token")
        .isEqualTo(403);

    assertThat(routableInstances("visit")).isEqualTo(visitsBefore);
  }

  private static int routableInstances(String service) {
    JsonObject routes =
        Http.json(Http.get(Server.GATEWAY.url("/"), "Accept", "application/json")).asJsonObject();
    return routes.getJsonArray("services").stream()
        .map(JsonObject.class::cast)
        .filter(route -> route.getString("name").equals(service))
        .mapToInt(route -> route.getInt("instances"))
        .findFirst()
        .orElse(0);
  }
}
