package org.servicegrid.testsupport;

import jakarta.json.JsonString;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A log service as its callers see it, on a {@link FakeHttpServer}: keeps each message accepted by
 * {@code POST /log} (the body) or {@code POST /log/batch} (a JSON array) with its caller, and can
 * be switched to answer 500, or to answer 500 once it has accepted a given number of messages. A
 * batch is accepted or refused whole, one request at a time, like the real service's.
 */
public final class FakeLog implements AutoCloseable {

  /** One accepted message and the caller that sent it ({@code X-Service-Name}). */
  public record Line(String caller, String message) {}

  private final FakeHttpServer server = FakeHttpServer.started();
  private final List<Line> lines = new CopyOnWriteArrayList<>();
  private final List<List<String>> batches = new CopyOnWriteArrayList<>();
  private volatile boolean failing;
  private volatile int acceptLimit = Integer.MAX_VALUE;

  private FakeLog() {
    server.on("POST", "/log", request -> accept(request, List.of(request.body())));
    server.on(
        "POST",
        "/log/batch",
        request ->
            accept(
                request,
                request.jsonArray().getValuesAs(JsonString.class).stream()
                    .map(JsonString::getString)
                    .toList()));
    server.on(FakeHttpServer.ANY, "/log", request -> Reply.status(405));
    server.on(FakeHttpServer.ANY, "/log/batch", request -> Reply.status(405));
  }

  public static FakeLog start() {
    return new FakeLog();
  }

  public String addr() {
    return server.addr();
  }

  public FakeHttpServer server() {
    return server;
  }

  /** The accepted messages, in the order accepted. */
  public List<String> messages() {
    return lines.stream().map(Line::message).toList();
  }

  public List<Line> lines() {
    return List.copyOf(lines);
  }

  /** The accepted requests, each with its messages. */
  public List<List<String>> batches() {
    return List.copyOf(batches);
  }

  /** While {@code true}, every request is answered 500 and nothing is kept. */
  public void failing(boolean failing) {
    this.failing = failing;
  }

  /**
   * Accepts requests while fewer than {@code messages} messages were accepted in all, then answers
   * 500.
   */
  public void acceptAtMost(int messages) {
    acceptLimit = messages;
  }

  private synchronized Reply accept(RecordedRequest request, List<String> messages) {
    if (failing || lines.size() >= acceptLimit) {
      return Reply.status(500);
    }
    String caller = request.header("X-Service-Name");
    messages.forEach(message -> lines.add(new Line(caller, message)));
    batches.add(messages);
    return Reply.status(200);
  }

  @Override
  public void close() {
    server.close();
  }
}
