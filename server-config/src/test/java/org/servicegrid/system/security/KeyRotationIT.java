package org.servicegrid.system.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicegrid.testsupport.ServiceInfoJson.serviceInfo;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.servicegrid.system.Server;
import org.servicegrid.system.ServerInstance;
import org.servicegrid.system.StartsItsOwnSystem;
import org.servicegrid.testsupport.Http;
import org.servicegrid.testsupport.TestTokens;

/**
 * Key rotation as docs/security.md describes it: a registry of its own (port 20520, cluster port
 * 20570) with credentials that {@code scripts/ensure-credentials.sh} made in a directory of its own
 * ({@code SERVICEGRID_AUTH_DIR}, which its {@code server.xml} reads the key from); after {@code
 * ensure-credentials.sh --rotate} and a restart, the old admin token answers 401 and registers
 * nothing, the new one is accepted.
 */
@Order(-6)
@StartsItsOwnSystem
class KeyRotationIT {

  private static final ServerInstance PLAIN =
      Server.REGISTRY.instance("key-rotation-registry", 20520, Map.of());
  private static final Path AUTH_DIR = PLAIN.outputRoot().resolve("auth");
  private static final ServerInstance REGISTRY =
      PLAIN.with(
          Map.of(
              "SERVICEGRID_AUTH_DIR", AUTH_DIR.toString(),
              "REGISTRY_CLUSTER_PORT", "20570",
              "REGISTRY_CLUSTER_MEMBERS", "127.0.0.1:20570"));

  @BeforeAll
  static void startARegistryWithCredentialsOfItsOwn() throws Exception {
    REGISTRY.deleteOutput(); // the credentials too: the test makes them from scratch
    Files.createDirectories(AUTH_DIR);
    ensureCredentials();
    REGISTRY.start();
    REGISTRY.awaitReady();
  }

  @AfterAll
  static void stopTheRegistry() {
    REGISTRY.stop();
  }

  @Test
  void afterRotationAndARestartTheOldAdminTokenIsRefusedAndTheNewOneAccepted() throws Exception {
    String oldAdmin = token("admin");
    assertThat(register("rotation-before", oldAdmin).statusCode())
        .as("POST /services with the admin token before rotation")
        .isEqualTo(200);

    ensureCredentials("--rotate");
    String newAdmin = token("admin");
    assertThat(newAdmin).as("admin.jwt after --rotate").isNotEqualTo(oldAdmin);
    assertThat(REGISTRY.stop()).as("server stop of %s", REGISTRY.id()).isZero();
    REGISTRY.start();
    REGISTRY.awaitReady();

    HttpResponse<String> refused = register("rotation-refused", oldAdmin);
    assertThat(refused.statusCode())
        .as("POST /services with the admin token of the old key")
        .isEqualTo(401);
    assertThat(Http.json(refused).asJsonObject().getString("error"))
        .contains("the bearer token is not valid");
    assertThat(Http.get(REGISTRY.url("/services/rotation-refused")).body())
        .as("instances of the refused registration")
        .isEqualTo("[]");
    assertThat(register("rotation-after", newAdmin).statusCode())
        .as("POST /services with the admin token of the new key")
        .isEqualTo(200);
    assertThat(Http.get(REGISTRY.url("/services/rotation-after")).body()).contains("127.0.0.1:9");
  }

  private static HttpResponse<String> register(String service, String token) {
    return TestTokens.send(
        "POST", REGISTRY.url("/services"), serviceInfo(service, "127.0.0.1:9"), token);
  }

  private static String token(String name) throws IOException {
    return Files.readString(AUTH_DIR.resolve(name + ".jwt"), StandardCharsets.US_ASCII).strip();
  }

  /** Runs {@code scripts/ensure-credentials.sh} for the registry's directory. */
  private static void ensureCredentials(String... arguments) throws Exception {
    Path root = Server.wlpHome().getParent().getParent().getParent(); // the repository
    List<String> command = new ArrayList<>();
    command.add(root.resolve("scripts/ensure-credentials.sh").toString());
    command.addAll(List.of(arguments));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    builder.environment().put("SERVICEGRID_AUTH_DIR", AUTH_DIR.toString());
    Process process = builder.start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s finished", command).isTrue();
    assertThat(process.exitValue()).as("exit code of %s", command).isZero();
  }
}
