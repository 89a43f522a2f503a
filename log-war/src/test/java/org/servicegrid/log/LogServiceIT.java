package org.servicegrid.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.servicegrid.testsupport.Deployments;
import org.servicegrid.testsupport.FakeRegistry;
import org.servicegrid.testsupport.Http;

/** The packaged log WAR (with its libraries) on a real Liberty server, driven over HTTP. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LogServiceIT {

  private static final FakeRegistry REGISTRY = FakeRegistry.started();
  private static final Path LOG_FILE =
      Path.of(System.getProperty("wlp.home"), "usr/servers/log-arquillian/logs/service.log");
  private static final String TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

  @ArquillianResource URL base;

  @Deployment(testable = false)
  static WebArchive deployment() {
    // The real artifact, pointed at the fake registry.
    return Deployments.packagedWar("log.war", Map.of("registry.url", REGISTRY.url()));
  }

  @AfterAll
  static void stopRegistry() {
    REGISTRY.close();
  }

  @Test
  void appendsAMessageAsOneTimestampedLineThatTheTailShows() throws Exception {
    String message = "hello " + UUID.randomUUID();

    HttpResponse<String> post = send(post(message).header("X-Service-Name", "visit"));
    HttpResponse<String> tail = send(get("log?tail=5"));

    assertThat(post.statusCode()).as("POST %slog", base).isEqualTo(200);
    assertThat(tail.statusCode()).as("GET %slog?tail=5", base).isEqualTo(200);
    assertThat(tail.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
    assertThat(lastLine(tail.body())).matches(TIMESTAMP + " visit " + message);
  }

  @Test
  void writesToTheFileThatServerXmlNamesByDefault() throws Exception {
    String message = "on disk " + UUID.randomUUID();

    assertThat(send(post(message)).statusCode()).isEqualTo(200);

    assertThat(Files.readAllLines(LOG_FILE))
        .anyMatch(line -> line.matches(TIMESTAMP + " - " + message));
  }

  @Test
  void escapesLineBreaksSoOneRequestIsOneLine() throws Exception {
    String id = UUID.randomUUID().toString();

    assertThat(send(post(id + "\nforged line\r\n")).statusCode()).isEqualTo(200);

    assertThat(lastLine(send(get("log?tail=1")).body()))
        .endsWith(" " + id + "\\nforged line\\r\\n");
  }

  @Test
  void rejectsAnEmptyMessage() throws Exception {
    HttpResponse<String> response = send(post(""));

    assertThat(response.statusCode()).as("POST %slog with no body", base).isEqualTo(400);
    assertThat(response.body()).contains("\"error\"").contains("empty");
  }

  @Test
  void acceptsAMessageOfExactly64KiBAndRejectsOneByteMore() throws Exception {
    assertThat(send(post("x".repeat(64 * 1024))).statusCode()).isEqualTo(200);

    HttpResponse<String> tooLarge = send(post("x".repeat(64 * 1024 + 1)));

    assertThat(tooLarge.statusCode()).as("POST %slog with 64 KiB + 1", base).isEqualTo(413);
    assertThat(tooLarge.body()).contains("\"error\"");
  }

  @Test
  void answersOtherMethodsWith405() throws Exception {
    HttpResponse<String> response = send(request("log").PUT(BodyPublishers.ofString("x")));

    assertThat(response.statusCode()).as("PUT %slog", base).isEqualTo(405);
    assertThat(response.body()).contains("\"error\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "1001", "-1", "ten"})
  void rejectsATailOutsideOneTo1000(String tail) throws Exception {
    HttpResponse<String> response = send(get("log?tail=" + tail));

    assertThat(response.statusCode()).as("GET %slog?tail=%s", base, tail).isEqualTo(400);
    assertThat(response.body()).contains("\"error\"");
  }

  @Test
  void answersTheLargestTailAndDefaultsToTwentyLines() throws Exception {
    // More lines than the largest tail, written last, in one request so no other can come between.
    String run = UUID.randomUUID().toString();
    List<String> written = IntStream.range(0, 1001).mapToObj(i -> run + " line " + i).toList();
    HttpResponse<String> post =
        send(postBatch(Json.createArrayBuilder(written).build().toString()));
    assertThat(post.statusCode()).as("POST %slog/batch of 1001 lines", base).isEqualTo(200);

    HttpResponse<String> largest = send(get("log?tail=1000"));
    HttpResponse<String> byDefault = send(get("log"));

    assertThat(largest.statusCode()).as("GET %slog?tail=1000", base).isEqualTo(200);
    assertTail(largest.body(), written.subList(1, 1001));
    assertThat(byDefault.statusCode()).as("GET %slog", base).isEqualTo(200);
    assertTail(byDefault.body(), written.subList(981, 1001));
  }

  /** The tail is exactly the lines of {@code messages}, in order, each with its timestamp. */
  private static void assertTail(String tail, List<String> messages) {
    List<String> lines = Arrays.asList(tail.split("\n"));
    assertThat(lines).hasSize(messages.size());
    for (int i = 0; i < messages.size(); i++) {
      assertThat(lines.get(i)).matches(TIMESTAMP + " - " + messages.get(i));
    }
  }

  @Test
  void sixteenConcurrentWritersGetEachMessageWrittenOnceAndWhole() throws Exception {
    String run = UUID.randomUUID().toString();
    ExecutorService writers = Executors.newFixedThreadPool(16);
    try {
      List<Future<Integer>> calls = new ArrayList<>();
      for (int i = 0; i < 400; i++) {
        String message = run + " message " + i;
        calls.add(writers.submit(() -> send(post(message)).statusCode()));
      }
      for (Future<Integer> call : calls) {
        assertThat(call.get(60, TimeUnit.SECONDS)).isEqualTo(200);
      }
    } finally {
      writers.shutdownNow();
    }

    List<String> lines =
        Files.readAllLines(LOG_FILE).stream().filter(line -> line.contains(run)).toList();
    assertThat(lines)
        .hasSize(400)
        .allMatch(line -> line.matches(TIMESTAMP + " - " + run + " message \\d+"));
    assertThat(lines.stream().distinct()).hasSize(400);
  }

  @Test
  void appendsABatchAsContiguousLinesInOrderWhileOtherWritersAppend() throws Exception {
    String run = UUID.randomUUID().toString();
    List<String> batch = IntStream.rangeClosed(1, 50).mapToObj(i -> run + " batch " + i).toList();
    ExecutorService writers = Executors.newFixedThreadPool(8);
    HttpResponse<String> response;
    try {
      List<Future<Integer>> others = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        String message = run + " single " + i;
        others.add(writers.submit(() -> send(post(message)).statusCode()));
      }
      response =
          send(
              postBatch(Json.createArrayBuilder(batch).build().toString())
                  .header("X-Service-Name", "visit"));
      for (Future<Integer> other : others) {
        assertThat(other.get(60, TimeUnit.SECONDS)).isEqualTo(200);
      }
    } finally {
      writers.shutdownNow();
    }

    assertThat(response.statusCode()).as("POST %slog/batch", base).isEqualTo(200);
    List<String> lines =
        Files.readAllLines(LOG_FILE).stream().filter(line -> line.contains(run)).toList();
    assertThat(lines).hasSize(250);
    int first =
        lines.indexOf(
            lines.stream().filter(line -> line.contains(" batch ")).findFirst().orElseThrow());
    List<String> contiguous = lines.subList(first, first + 50);
    for (int i = 0; i < 50; i++) {
      assertThat(contiguous.get(i)).matches(TIMESTAMP + " visit " + batch.get(i));
    }
  }

  @Test
  void escapesEachBatchMessageIntoOneLine() throws Exception {
    String id = UUID.randomUUID().toString();

    assertThat(
            send(postBatch(
                    Json.createArrayBuilder()
                        .add(id + "\nforged")
                        .add(id + " second")
                        .build()
                        .toString()))
                .statusCode())
        .isEqualTo(200);

    String[] tail = send(get("log?tail=2")).body().split("\n");
    assertThat(tail[0]).matches(TIMESTAMP + " - " + id + "\\\\nforged");
    assertThat(tail[1]).matches(TIMESTAMP + " - " + id + " second");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"[]", "[\"ok\", 1]", "[\"ok\", \"\"]", "{\"ok\": 1}", "[\"ok\"", "not json"})
  void refusesABadBatchWithA400AndWritesNoneOfIt(String body) throws Exception {
    long before = Files.size(LOG_FILE);

    HttpResponse<String> response = send(postBatch(body.replace("ok", "ok " + UUID.randomUUID())));

    assertThat(response.statusCode()).as("POST %slog/batch %s", base, body).isEqualTo(400);
    assertThat(response.body()).contains("\"error\"");
    assertThat(Files.size(LOG_FILE)).isEqualTo(before);
  }

  @Test
  void refusesATooLargeBatchOrMessageWithA413AndWritesNoneOfIt() throws Exception {
    long before = Files.size(LOG_FILE);
    String oversizeMessage =
        Json.createArrayBuilder().add("ok").add("x".repeat(64 * 1024 + 1)).build().toString();
    JsonArrayBuilder oversizeBody = Json.createArrayBuilder();
    for (int i = 0; i < 20; i++) {
      oversizeBody.add("y".repeat(60_000));
    }

    HttpResponse<String> message = send(postBatch(oversizeMessage));
    HttpResponse<String> body = send(postBatch(oversizeBody.build().toString()));

    assertThat(message.statusCode())
        .as("POST %slog/batch with a 64 KiB + 1 message", base)
        .isEqualTo(413);
    assertThat(message.body()).contains("\"error\"").contains("message 1");
    assertThat(body.statusCode()).as("POST %slog/batch of 1.2 MB", base).isEqualTo(413);
    assertThat(Files.size(LOG_FILE)).isEqualTo(before);
  }

  @Test
  void refusesABatchThatIsNotJsonWithA415AndOtherMethodsWithA405() throws Exception {
    long before = Files.size(LOG_FILE);

    HttpResponse<String> plain =
        send(
            request("log/batch")
                .header("Content-Type", "text/plain")
                .POST(
                    BodyPublishers.ofString(
                        "[\"ok " + UUID.randomUUID() + "\"]", StandardCharsets.UTF_8)));
    HttpResponse<String> read = send(get("log/batch"));

    assertThat(plain.statusCode()).as("POST %slog/batch as text/plain", base).isEqualTo(415);
    assertThat(plain.body()).contains("\"error\"").contains("application/json");
    assertThat(read.statusCode()).as("GET %slog/batch", base).isEqualTo(405);
    assertThat(read.headers().firstValue("Allow")).hasValue("POST");
    assertThat(Files.size(LOG_FILE)).isEqualTo(before);
  }

  @Test
  void rejectsACallerNameThatIsNotAServiceName() throws Exception {
    HttpResponse<String> response = send(post("x").header("X-Service-Name", "visit 42 forged"));

    assertThat(response.statusCode())
        .as("POST %slog with a bad X-Service-Name", base)
        .isEqualTo(400);
    assertThat(response.body()).contains("X-Service-Name");
  }

  /**
   * The file's path taken by something else (here a directory): lines answer 503 with the JSON
   * error and are counted as failures, the liveness check says why, and once the path is free again
   * the next line reopens it.
   */
  @Test
  void aLogFileThatCannotBeWrittenAnswers503AndCountsTheFailureUntilItCanAgain() throws Exception {
    assertThat(send(post("before the path is taken")).statusCode()).isEqualTo(200);
    double failuresBefore = appendFailures();
    Files.delete(LOG_FILE);
    Files.createDirectory(LOG_FILE);
    try {
      HttpResponse<String> refused =
          await()
              .atMost(Duration.ofSeconds(30))
              .pollInterval(Duration.ofMillis(100))
              .until(() -> send(post("while the path is a directory")), r -> r.statusCode() != 200);
      assertThat(refused.statusCode()).isEqualTo(503);
      assertThat(refused.body()).contains("\"error\"");
      assertThat(appendFailures()).isGreaterThan(failuresBefore);
      assertThat(send(root("health/live")).statusCode()).isEqualTo(503);
    } finally {
      Files.delete(LOG_FILE);
      // Also when an assertion above failed: the tests after this one need the file back.
      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(100))
          .until(() -> send(post("after the path is free")).statusCode() == 200);
    }
    assertThat(Files.readString(LOG_FILE)).contains("after the path is free");
  }

  private double appendFailures() {
    Matcher sample =
        Pattern.compile("(?m)^log_append_failures_total\\{[^}]*} (\\S+)$")
            .matcher(send(root("metrics?scope=application")).body());
    assertThat(sample.find()).as("log_append_failures_total in the metrics").isTrue();
    return Double.parseDouble(sample.group(1));
  }

  @Test
  void reportsTheLogFileLive() throws Exception {
    HttpResponse<String> live = send(root("health/live"));

    assertThat(live.statusCode()).as("GET /health/live").isEqualTo(200);
    assertThat(live.body()).contains("\"log-file\"").contains("\"UP\"").contains("service.log");
  }

  @Test
  void registersAsLogWithTheRegistry() {
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .untilAsserted(
            () ->
                assertThat(REGISTRY.registrations())
                    .anyMatch(
                        r ->
                            r.body().contains("\"Name\":\"log\"")
                                && r.body().contains("\"Addr\":\"127.0.0.1:29280\"")));
  }

  @Test
  void publishesMetricsAndAnOpenApiDocument() throws Exception {
    send(post("counted"));

    HttpResponse<String> metrics = send(root("metrics?scope=application"));
    HttpResponse<String> openapi = send(root("openapi"));

    assertThat(metrics.statusCode()).as("GET /metrics").isEqualTo(200);
    assertThat(metrics.body())
        .contains("log_lines_appended_total")
        .contains("log_bytes_appended")
        .contains("log_append_duration")
        .contains("log_rotations_total");
    assertThat(openapi.statusCode()).as("GET /openapi").isEqualTo(200);
    assertThat(openapi.body())
        .contains("/log:")
        .contains("/log/batch:")
        .contains("413")
        .contains("Append a message as one timestamped line")
        .contains("Append each message");
  }

  private HttpRequest.Builder request(String path) {
    return Http.request(base + path);
  }

  private HttpRequest.Builder post(String message) {
    return request("log")
        .header("Content-Type", "text/plain; charset=UTF-8")
        .POST(BodyPublishers.ofString(message, StandardCharsets.UTF_8));
  }

  private HttpRequest.Builder postBatch(String json) {
    return request("log/batch")
        .header("Content-Type", "application/json")
        .POST(BodyPublishers.ofString(json, StandardCharsets.UTF_8));
  }

  private HttpRequest.Builder get(String path) {
    return request(path).GET();
  }

  private HttpRequest.Builder root(String path) {
    return Http.request(URI.create(base.toString()).resolve("/" + path).toString()).GET();
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    return Http.send(request);
  }

  private static String lastLine(String text) {
    String[] lines = text.split("\n");
    return Arrays.asList(lines).get(lines.length - 1);
  }
}
