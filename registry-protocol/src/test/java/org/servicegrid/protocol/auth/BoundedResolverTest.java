package org.servicegrid.protocol.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BoundedResolverTest {

  @Test
  void literalsAreParsedWithoutALookupThread() throws Exception {
    // A factory that makes no thread: a literal must not need one.
    try (BoundedResolver resolver =
        new BoundedResolver(
            Duration.ofSeconds(1),
            1,
            task -> {
              throw new AssertionError("a lookup thread was asked for");
            })) {
      assertThat(resolver.resolve("127.0.0.1")).containsExactly(InetAddress.getLoopbackAddress());
      assertThat(resolver.resolve("[::1]")).containsExactly(InetAddress.getByName("::1"));
    }
  }

  @Test
  void aNameResolvesAndANameThatCannotFailsSayingSo() throws Exception {
    try (BoundedResolver resolver = new BoundedResolver(Duration.ofSeconds(5), 2, Thread::new)) {
      assertThat(resolver.resolve("localhost")).contains(InetAddress.getByName("127.0.0.1"));
      assertThatThrownBy(() -> resolver.resolve("nosuch.invalid"))
          .isInstanceOf(UnknownHostException.class)
          .hasMessage("nosuch.invalid does not resolve");
    }
  }

  @Test
  void aLookupThatTakesLongerThanTheTimeoutFailsWhenTheTimeoutIsUp() throws Exception {
    CountDownLatch hold = new CountDownLatch(1);
    // Every lookup thread first waits for the latch: a resolver that does not answer.
    try (BoundedResolver resolver =
        new BoundedResolver(
            Duration.ofMillis(200),
            1,
            task ->
                new Thread(
                    () -> {
                      try {
                        hold.await(10, TimeUnit.SECONDS);
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                      }
                      task.run();
                    }))) {
      long started = System.nanoTime();
      assertThatThrownBy(() -> resolver.resolve("localhost"))
          .isInstanceOf(UnknownHostException.class)
          .hasMessage("localhost did not resolve within 200 ms");
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    } finally {
      hold.countDown();
    }
  }
}
