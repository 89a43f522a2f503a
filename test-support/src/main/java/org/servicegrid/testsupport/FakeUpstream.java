package org.servicegrid.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Service instances for a gateway to forward to, on {@link FakeHttpServer}s. An echoing one answers
 * {@code /heart-beat} and {@code /services} like an instance, {@code /big} with {@link #bigBody()},
 * {@code /drip} with one line and a second once the test {@link FakeHttpServer#release()}s it,
 * {@code /stall} with 10 of 100 promised bytes and then silence until released, and every other
 * path with what it received ({@code "echo " + body}, 201 for a POST, 200 else); a holding one
 * answers every path only once released.
 */
public final class FakeUpstream {

  public static final int BIG_BODY_BYTES = 2 * 1024 * 1024;

  private FakeUpstream() {}

  /** An echoing upstream whose answers carry {@code X-Upstream: <its addr>}. */
  public static FakeHttpServer echoing() {
    return echoing(null);
  }

  /** An echoing upstream whose answers carry {@code X-Upstream: name}. */
  public static FakeHttpServer echoing(String name) {
    FakeHttpServer upstream = FakeHttpServer.started();
    String label = name == null ? upstream.addr() : name;
    upstream.on(FakeHttpServer.ANY, "/heart-beat", Reply.status(200));
    upstream.on(FakeHttpServer.ANY, "/services", Reply.status(200));
    upstream.on(FakeHttpServer.ANY, "/big", Reply.bytes(200, bigBody()));
    upstream.on(
        FakeHttpServer.ANY,
        "/drip",
        Reply.streamed(
            200,
            0,
            out -> {
              out.write("first\n".getBytes(StandardCharsets.US_ASCII));
              out.flush();
              upstream.awaitRelease();
              out.write("second\n".getBytes(StandardCharsets.US_ASCII));
            }));
    upstream.on(
        FakeHttpServer.ANY,
        "/stall",
        Reply.streamed(
            200,
            100,
            out -> {
              out.write("0123456789".getBytes(StandardCharsets.US_ASCII));
              out.flush();
              upstream.awaitRelease();
            }));
    upstream.otherwise(
        request ->
            Reply.bytes(
                    request.method().equals("POST") ? 201 : 200,
                    ("echo " + request.body()).getBytes(StandardCharsets.UTF_8))
                .header("X-Upstream", label)
                .header("Set-Cookie", "a=1")
                .header("Set-Cookie", "b=2")
                .header("Content-Language", "fr-CA"));
    return upstream;
  }

  /** An upstream that answers {@code 200 late} to anything, only once released. */
  public static FakeHttpServer holding() {
    return FakeHttpServer.started().otherwise(Reply.text(200, "late").afterRelease());
  }

  /** 2 MiB of fixed pseudo-random bytes. */
  public static byte[] bigBody() {
    byte[] body = new byte[BIG_BODY_BYTES];
    new Random(42).nextBytes(body);
    return body;
  }
}
