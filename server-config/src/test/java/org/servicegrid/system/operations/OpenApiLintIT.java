package org.servicegrid.system.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.servicegrid.system.Server;
import org.servicegrid.system.UsesSharedSystem;
import org.servicegrid.testsupport.Http;

/**
 * Every server's OpenAPI document is one a client generator can use: Redocly CLI's recommended
 * rules ({@code src/test/resources/redocly.yaml}) find no error in it (security declared on every
 * operation, a schema for every error, and so on). The documents are kept in {@code
 * target/openapi}; the CLI runs through {@code npx} at a pinned version, the newest that runs on
 * the machine's Node.js 20.
 */
@Order(114)
@UsesSharedSystem
class OpenApiLintIT {

  private static final String REDOCLY_CLI = "@redocly/cli@2.77.0";

  /** Covers npx fetching the CLI into an empty cache on a loaded machine; a lint takes seconds. */
  private static final Duration LINT_BOUND = Duration.ofMinutes(5);

  private static final Path DOCUMENTS = Path.of("target", "openapi");

  @Test
  void everyServersOpenApiDocumentPassesRedoclysRecommendedRules() throws Exception {
    Files.createDirectories(DOCUMENTS);
    List<String> command =
        new ArrayList<>(
            List.of("npx", "--yes", REDOCLY_CLI, "lint", "--format=stylish", "--config", config()));
    for (Server server : Server.values()) {
      HttpResponse<String> document = Http.assertStatus(Http.get(server.url("/openapi")), 200);
      Path file = DOCUMENTS.resolve(server.serverName + ".yaml");
      Files.writeString(file, document.body());
      command.add(file.toString());
    }

    Path output = DOCUMENTS.resolve("lint.txt");
    ProcessBuilder lint =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
    // No usage report to Redocly and no update check: the test talks to nothing but npm's registry.
    lint.environment().put("REDOCLY_TELEMETRY", "off");
    lint.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
    Process process = lint.start();
    boolean finished = process.waitFor(LINT_BOUND.toSeconds(), TimeUnit.SECONDS);
    if (!finished) { // npx runs the CLI in a child process: end that too
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
    String report = Files.readString(output, StandardCharsets.UTF_8);

    assertThat(finished).as("%s finished within %s: %s", command, LINT_BOUND, report).isTrue();
    assertThat(process.exitValue()).as("exit code of %s:%n%s", command, report).isZero();
  }

  private static String config() throws Exception {
    return Path.of(OpenApiLintIT.class.getResource("/redocly.yaml").toURI()).toString();
  }
}
