package org.servicegrid.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.servicegrid.testsupport.Http;

/**
 * The page {@code docs/deploying.md} holds: four stock Liberty servers, created with {@code
 * bin/server create} in a user directory of their own (none of the build's shared configuration
 * applies), each given the WAR and exactly the {@code server.xml} the page shows (the registry also
 * its {@code jvm.options}), with the page's credentials script, form a working system: visits
 * through the gateway count 1, 2 and are logged. The credentials and the H2 driver lie where the
 * page puts them, in the user directory's {@code shared/resources}; only the page's ports are
 * replaced (20000..20003 become 20600..20603, beside the shared system).
 */
@Order(-5)
@StartsItsOwnSystem
class DeployingPageIT {

  private static final List<String> SERVERS = List.of("registry", "log", "visit", "gateway");
  private static final Pattern PAGE_PORT = Pattern.compile("\\b2000([0-3])\\b");

  private static Path userDir;
  private static Map<String, String> environment;

  @BeforeAll
  static void createAndStartTheServersThePageDescribes() throws Exception {
    String page = Files.readString(repositoryRoot().resolve("docs/deploying.md"));
    userDir = Server.wlpHome().resolve("usr/instances/deploying-page");
    ServerInstance.deleteTree(userDir);
    Path sharedResources = Files.createDirectories(userDir.resolve("shared/resources"));
    run(
        Map.of("SERVICEGRID_AUTH_DIR", sharedResources.resolve("servicegrid-auth").toString()),
        repositoryRoot().resolve("scripts/ensure-credentials.sh").toString());
    Files.copy(
        Server.wlpHome().resolve("usr/shared/resources/jdbc/h2.jar"),
        Files.createDirectories(sharedResources.resolve("jdbc")).resolve("h2.jar"));
    environment = Map.of("WLP_USER_DIR", userDir.toString());

    for (String server : SERVERS) {
      assertThat(Server.command("create", server, environment))
          .as("server create %s", server)
          .isZero();
      Path dir = userDir.resolve("servers").resolve(server);
      String xml =
          onOtherPorts(section(page, server, "```xml\n<?xml")).substring("```xml\n".length());
      Files.writeString(dir.resolve("server.xml"), xml);
      Files.copy(
          Server.wlpHome().resolve("usr/servers/" + server + "/apps/" + server + ".war"),
          Files.createDirectories(dir.resolve("apps")).resolve(server + ".war"));
    }
    Files.writeString(
        userDir.resolve("servers/registry/jvm.options"),
        section(page, "registry", "```\n--").substring("```\n".length()));

    InParallel.forEach(
        SERVERS,
        server ->
            assertThat(Server.command("start", server, environment))
                .as("server start %s", server)
                .isZero());
  }

  @AfterAll
  static void stopTheServers() {
    for (int i = SERVERS.size() - 1; i >= 0; i--) {
      Server.command("stop", SERVERS.get(i), environment); // whatever it answers
    }
  }

  @Test
  void visitsThroughTheGatewayCountFromOneAndAreLogged() {
    String visit = "http://127.0.0.1:20601/visit/";
    HttpResponse<String> first =
        await()
            .atMost(Server.START_BOUND)
            .pollInterval(Duration.ofMillis(500))
            .ignoreExceptions()
            .until(() -> Http.get(visit), answer -> answer.statusCode() == 200);
    assertThat(first.body().trim()).as("the first visit on a fresh system").isEqualTo("1");
    assertThat(Http.get(visit).body().trim()).isEqualTo("2");

    assertThat(Http.get("http://127.0.0.1:20602/log?tail=5").body().lines())
        .anyMatch(line -> line.endsWith(" visit 1"))
        .anyMatch(line -> line.endsWith(" visit 2"));
    // The gateway routes without being registered: its own registration may still be in its
    // back-off after the registry came up later than it.
    await()
        .atMost(Server.START_BOUND)
        .untilAsserted(
            () ->
                assertThat(Http.get("http://127.0.0.1:20600/services").body())
                    .contains("127.0.0.1:20601", "127.0.0.1:20602", "127.0.0.1:20603"));
  }

  /**
   * The block of the page's section {@code ## name} that starts with {@code start}, up to its
   * closing fence.
   */
  private static String section(String page, String name, String start) {
    int heading = page.indexOf("\n## " + name + "\n");
    assertThat(heading).as("section '## %s' of docs/deploying.md", name).isNotNegative();
    int block = page.indexOf(start, heading);
    int next = page.indexOf("\n## ", heading + 1);
    assertThat(block)
        .as("a block starting %s in section %s", start, name)
        .isPositive()
        .isLessThan(next < 0 ? page.length() : next);
    return page.substring(block, page.indexOf("```\n", block + start.length()));
  }

  private static String onOtherPorts(String text) {
    return PAGE_PORT.matcher(text).replaceAll("2060$1");
  }

  private static Path repositoryRoot() {
    return Server.wlpHome().getParent().getParent().getParent();
  }

  private static void run(Map<String, String> env, String... command)
      throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    builder.environment().putAll(env);
    Process process = builder.start();
    assertThat(process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS))
        .as("%s finished", List.of(command))
        .isTrue();
    assertThat(process.exitValue()).as("exit code of %s", List.of(command)).isZero();
  }
}
