package org.servicegrid.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The fake server over real loopback HTTP: routes, recording, holding, going away and coming back.
 */
class FakeHttpServerTest {

  private static final Duration WAIT = Duration.ofSeconds(5);

  @Test
  void answersTheConfiguredRouteAndRecordsEveryRequestInOrder() {
    try (FakeHttpServer server =
        FakeHttpServer.started()
            .on("POST", "/things", Reply.json(201, "{\"id\":1}").header("X-Kind", "thing"))) {
      HttpResponse<String> created = Http.post(server.url() + "/things?dry=no", "{\"name\":\"a\"}");
      HttpResponse<String> missing = Http.get(server.url() + "/nothing", "X-Trace", "t1");

      Http.assertStatus(created, 201);
      assertThat(created.body()).isEqualTo("{\"id\":1}");
      assertThat(created.headers().firstValue("X-Kind")).hasValue("thing");
      assertThat(created.headers().firstValue("Content-Type")).hasValue("application/json");
      Http.assertStatus(missing, 404);
      assertThat(server.requests())
          .extracting(RecordedRequest::pathAndQuery)
          .containsExactly("/things?dry=no", "/nothing");
      RecordedRequest first = server.last("POST", "/things");
      assertThat(first.json().getString("name")).isEqualTo("a");
      assertThat(first.header("content-type")).isEqualTo("application/json");
      assertThat(server.last().headerNames()).contains("x-trace");
    }
  }

  @Test
  void aRouteForAnyMethodYieldsToOneForTheExactMethod() {
    try (FakeHttpServer server =
        FakeHttpServer.started()
            .on(FakeHttpServer.ANY, "/log", Reply.status(405))
            .on("POST", "/log", request -> Reply.text(200, "got " + request.body()))) {
      assertThat(Http.send("POST", server.url() + "/log", "text/plain", "x").body())
          .isEqualTo("got x");
      Http.assertStatus(Http.send("PUT", server.url() + "/log", "text/plain", "x"), 405);
      assertThat(server.requests(FakeHttpServer.ANY, "/log")).hasSize(2);
      assertThat(server.requests("PUT", "/log")).hasSize(1);
    }
  }

  @Test
  void holdsAnAnswerUntilReleased() throws Exception {
    try (FakeHttpServer server =
        FakeHttpServer.started().otherwise(Reply.text(200, "late").afterRelease())) {
      CompletableFuture<HttpResponse<String>> answer =
          Http.sendAsync(Http.request(server.url() + "/slow"));
      server.awaitRequests("GET", "/slow", 1);
      assertThat(answer).isNotDone();

      server.release();

      assertThat(answer.get(30, TimeUnit.SECONDS).body()).isEqualTo("late");
    }
  }

  @Test
  void seesABodyWhileItIsStillArriving() throws Exception {
    try (FakeHttpServer server = FakeHttpServer.started().otherwise(Reply.status(200));
        RawHttpConnection connection = RawHttpConnection.open(server.addr())) {
      connection.send(
          "POST /upload HTTP/1.1\r\nHost: "
              + server.addr()
              + "\r\nTransfer-Encoding: chunked\r\n\r\n"
              + "6\r\nfirst\n\r\n");

      server.awaitBodyStart("POST", "/upload", "first\n");

      connection.send("7\r\nsecond\n\r\n0\r\n\r\n");
      assertThat(connection.statusLine()).startsWith("HTTP/1.1 200");
      assertThat(server.last().body()).isEqualTo("first\nsecond\n");
    }
  }

  @Test
  void refusesConnectionsWhileStoppedAndAnswersAgainOnTheSamePort() {
    try (FakeHttpServer server = FakeHttpServer.create().on("GET", "/ping", Reply.status(204))) {
      String url = server.url() + "/ping";
      assertThatThrownBy(() -> Http.send(Http.request(url).timeout(Duration.ofSeconds(5))))
          .isInstanceOf(UncheckedIOException.class);

      server.start();
      Http.assertStatus(Http.get(url), 204);
      server.stop();
      assertThatThrownBy(() -> Http.get(url)).isInstanceOf(UncheckedIOException.class);
      server.start();

      Http.assertStatus(Http.get(url), 204);
      assertThat(server.requests("GET", "/ping")).hasSize(2);
    }
  }

  @Test
  void holdsThePortOfAServerThatDoesNotListen() {
    try (FakeHttpServer server = FakeHttpServer.create()) {
      assertThatThrownBy(() -> bind(server.port(), false)).isInstanceOf(BindException.class);

      server.start();
      server.stop();

      assertThatThrownBy(() -> bind(server.port(), false)).isInstanceOf(BindException.class);
    }
  }

  @Test
  void aDeadAddressRefusesConnectionsAndCannotBeTakenByAnotherSocket() {
    String dead = FakeHttpServer.deadAddr();
    int port = Integer.parseInt(dead.substring(dead.indexOf(':') + 1));

    assertThatThrownBy(() -> Http.send(Http.request("http://" + dead + "/").timeout(WAIT)))
        .isInstanceOf(UncheckedIOException.class)
        .hasCauseInstanceOf(ConnectException.class);
    assertThatThrownBy(() -> bind(port, true)).isInstanceOf(BindException.class);
  }

  /** Binds and listens on 127.0.0.1:{@code port}, with or without SO_REUSEADDR, then closes. */
  private static void bind(int port, boolean reuse) throws IOException {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(reuse);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    }
  }
}
