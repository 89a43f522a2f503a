package org.servicegrid.testsupport;

import static org.servicegrid.testsupport.ServiceInfoJson.serviceInfo;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A service instance as the registry sees it, on a {@link FakeHttpServer}: answers {@code
 * /heart-beat} with 200 and records every {@code /services} notice (answered 200), in order. A test
 * can make it fail heart-beats (for good or the next few), hang on heart-beats or notices like a
 * hung process, refuse notices, or vanish ({@link #stop}) like a crashed one.
 */
public final class FakeInstance implements AutoCloseable {

  private final FakeHttpServer server = FakeHttpServer.started();
  private final AtomicInteger heartBeatsToFail = new AtomicInteger();
  private volatile Reply heartBeat = Reply.status(200);
  private volatile Reply notice = Reply.status(200);
  private String registry;
  private String info;
  private String token;

  public FakeInstance() {
    server.on(
        FakeHttpServer.ANY,
        "/heart-beat",
        request ->
            heartBeatsToFail.getAndUpdate(n -> Math.max(0, n - 1)) > 0
                ? Reply.status(503)
                : heartBeat);
    server.on(FakeHttpServer.ANY, "/services", request -> notice);
  }

  public String addr() {
    return server.addr();
  }

  public FakeHttpServer server() {
    return server;
  }

  /** The {@code /services} notices received, in order. */
  public List<RecordedRequest> notices() {
    return server.requests(FakeHttpServer.ANY, "/services");
  }

  /** How many heart-beats arrived, answered or not. */
  public int heartBeats() {
    return server.requests(FakeHttpServer.ANY, "/heart-beat").size();
  }

  /** From now on heart-beats are answered 503. */
  public void stopAnsweringHeartBeats() {
    heartBeat = Reply.status(503);
  }

  /** The next {@code count} heart-beats are answered 503, the ones after as before. */
  public void failNextHeartBeats(int count) {
    heartBeatsToFail.set(count);
  }

  /**
   * From now on heart-beats are accepted but never answered, until {@link #close}: a hung process.
   */
  public void hangOnHeartBeats() {
    heartBeat = Reply.hang();
  }

  /** From now on notices are received (and recorded) but never answered, until {@link #close}. */
  public void hangOnNotices() {
    notice = Reply.hang();
  }

  /** From now on notices are received (and recorded) and answered with {@code status}. */
  public void answerNoticesWith(int status) {
    notice = Reply.status(status);
  }

  /**
   * Registers with the registry at {@code registryUrl} as {@code name}, with a token for that name
   * as a real service has ({@link TestTokens}: needs the build's credentials), asserting it
   * answered 200.
   */
  public void registerWith(String registryUrl, String name, String... required) {
    String body = serviceInfo(name, addr(), required);
    String ownToken = TestTokens.forService(name);
    Http.assertStatus(TestTokens.send("POST", registryUrl + "/services", body, ownToken), 200);
    registry = registryUrl;
    info = body;
    token = ownToken;
  }

  /** Deregisters what {@link #registerWith} registered, if anything. */
  public void deregister() {
    if (registry != null) {
      TestTokens.send("DELETE", registry + "/services", info, token);
      registry = null;
    }
  }

  /**
   * Stops answering at all: connections are refused from now on, and the registry's heart-beats
   * fail.
   */
  public void stop() {
    server.stop();
  }

  /**
   * Deregisters unless it was {@link #stop}ped (a crashed process does not), then closes the
   * server.
   */
  @Override
  public void close() {
    try {
      if (server.isListening()) {
        deregister();
      }
    } finally {
      server.close();
    }
  }
}
