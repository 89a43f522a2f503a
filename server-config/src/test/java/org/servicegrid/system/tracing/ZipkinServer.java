package org.servicegrid.system.tracing;

import static org.awaitility.Awaitility.await;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.servicegrid.testsupport.Http;

/**
 * A real Zipkin server (the build's {@code zipkin-server} exec jar, in-memory storage) on a
 * loopback port, and what the tests read back from its query API: the spans of one trace, and the
 * traces that hold a span of a service.
 */
public final class ZipkinServer implements AutoCloseable {

  private static final Duration START_BOUND = Duration.ofSeconds(120);

  private final Process process;
  private final int port;

  private ZipkinServer(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts Zipkin on {@code 127.0.0.1:port} and waits until its health check answers. */
  public static ZipkinServer start(int port, Path logFile) {
    Path jar = Path.of(System.getProperty("zipkin.jar", "target/zipkin/zipkin-server.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: the build's package phase copies it");
    }
    ProcessBuilder command =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-jar",
                jar.toString(),
                "--armeria.ports[0].ip=127.0.0.1",
                "--armeria.ports[0].port=" + port,
                "--armeria.ports[0].protocols[0]=http")
            .redirectErrorStream(true)
            .redirectOutput(logFile.toFile());
    Process process;
    try {
      Files.createDirectories(logFile.getParent());
      process = command.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ZipkinServer zipkin = new ZipkinServer(process, port);
    await("Zipkin on port " + port + " (its output: " + logFile + ")")
        .atMost(START_BOUND)
        .pollInterval(Duration.ofMillis(500))
        .ignoreExceptions()
        .until(
            () -> {
              if (!process.isAlive()) {
                throw new IllegalStateException("Zipkin exited; see " + logFile);
              }
              return Http.get(zipkin.url("/health")).statusCode() == 200;
            });
    return zipkin;
  }

  /** Where the servers send spans ({@code OTEL_EXPORTER_ZIPKIN_ENDPOINT}). */
  public String spansEndpoint() {
    return url("/api/v2/spans");
  }

  /**
   * The environment that sends a server's spans here: the SDK on, every trace recorded, spans
   * leaving every 200 ms rather than every 5 s.
   */
  public Map<String, String> tracingEnvironment(String serviceName) {
    return Map.of(
        "OTEL_SDK_DISABLED", "false",
        "OTEL_SERVICE_NAME", serviceName,
        "OTEL_TRACES_EXPORTER", "zipkin",
        "OTEL_EXPORTER_ZIPKIN_ENDPOINT", spansEndpoint(),
        "OTEL_METRICS_EXPORTER", "none",
        "OTEL_LOGS_EXPORTER", "none",
        "OTEL_TRACES_SAMPLER", "parentbased_always_on",
        "OTEL_BSP_SCHEDULE_DELAY", "200");
  }

  /** The spans Zipkin holds of one trace, empty while it holds none. */
  public List<Span> trace(String traceId) {
    HttpResponse<String> response = Http.get(url("/api/v2/trace/" + traceId));
    if (response.statusCode() == 404) {
      return List.of();
    }
    return spans(Json.createReader(new StringReader(response.body())).readArray());
  }

  /** The traces (newest first) that hold a span of {@code serviceName}, at most {@code limit}. */
  public List<List<Span>> traces(String serviceName, int limit) {
    HttpResponse<String> response =
        Http.get(
            url(
                "/api/v2/traces?serviceName="
                    + serviceName
                    + "&limit="
                    + limit
                    + "&lookback=600000"));
    List<List<Span>> traces = new ArrayList<>();
    for (JsonValue trace : Json.createReader(new StringReader(response.body())).readArray()) {
      traces.add(spans(trace.asJsonArray()));
    }
    return traces;
  }

  private static List<Span> spans(JsonArray array) {
    return array.stream().map(JsonValue::asJsonObject).map(Span::of).toList();
  }

  public String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * One span in Zipkin's model (v2 JSON): OpenTelemetry's span kind, attributes as tags, events as
   * annotations; {@code parentId} null for a root.
   */
  public record Span(
      String traceId,
      String id,
      String parentId,
      String serviceName,
      String name,
      String kind,
      Map<String, String> tags,
      List<String> annotations) {

    static Span of(JsonObject json) {
      Map<String, String> tags =
          json.containsKey("tags")
              ? json.getJsonObject("tags").entrySet().stream()
                  .collect(
                      Collectors.toMap(
                          Map.Entry::getKey, e -> ((JsonString) e.getValue()).getString()))
              : Map.of();
      List<String> annotations =
          json.containsKey("annotations")
              ? json.getJsonArray("annotations").stream()
                  .map(a -> a.asJsonObject().getString("value"))
                  .toList()
              : List.of();
      return new Span(
          json.getString("traceId"),
          json.getString("id"),
          json.getString("parentId", null),
          json.containsKey("localEndpoint")
              ? json.getJsonObject("localEndpoint").getString("serviceName", null)
              : null,
          json.getString("name", ""),
          json.getString("kind", "INTERNAL"),
          tags,
          annotations);
    }

    public String tag(String name) {
      return tags.get(name);
    }
  }
}
