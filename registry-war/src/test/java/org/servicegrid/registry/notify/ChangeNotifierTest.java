package org.servicegrid.registry.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.servicegrid.protocol.ServiceInfo;
import org.servicegrid.registry.table.Change;

class ChangeNotifierTest {

  private static final Duration WAIT = Duration.ofSeconds(20);

  private final ExecutorService pool = Executors.newCachedThreadPool();
  private final Map<String, List<String>> received = new ConcurrentHashMap<>();
  private final Set<String> blocked = ConcurrentHashMap.newKeySet();
  private final CountDownLatch unblock = new CountDownLatch(1);
  private final List<String> failures = new CopyOnWriteArrayList<>();
  private final List<Duration> latencies = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    unblock.countDown();
    pool.shutdownNow();
  }

  @Test
  void eachDependentReceivesTheNoticesInChangeOrder() {
    ChangeNotifier notifier = notifier(pool, 1000);
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      Change change =
          change(i % 2 == 0 ? Change.Kind.REGISTERED : Change.Kind.DEREGISTERED, 9000 + i / 2);
      notifier.enqueue(change, List.of("a:1", "b:2")).run();
      expected.add(describe(change));
    }

    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              assertThat(received.get("a:1")).containsExactlyElementsOf(expected);
              assertThat(received.get("b:2")).containsExactlyElementsOf(expected);
            });
    // A notice's latency is recorded after it was received: wait for the last ones.
    await().atMost(WAIT).untilAsserted(() -> assertThat(latencies).hasSize(400));
  }

  @Test
  void aHungDependentDelaysNoOtherDependent() {
    ChangeNotifier notifier = notifier(pool, 1000);
    blocked.add("slow:1");

    notifier.enqueue(change(Change.Kind.REGISTERED, 9001), List.of("slow:1", "fast:2")).run();
    notifier.enqueue(change(Change.Kind.DEREGISTERED, 9001), List.of("slow:1", "fast:2")).run();

    await().atMost(WAIT).until(() -> received.getOrDefault("fast:2", List.of()).size() == 2);
    assertThat(received.get("slow:1")).isNull();
    unblock.countDown();
    await().atMost(WAIT).until(() -> received.getOrDefault("slow:1", List.of()).size() == 2);
  }

  @Test
  void deliveriesStartOnlyWhenTheReturnedWorkRunsAndOneTaskDrainsAQueue() {
    List<Runnable> tasks = new ArrayList<>();
    ChangeNotifier notifier = notifier(tasks::add, 1000);

    Runnable start = notifier.enqueue(change(Change.Kind.REGISTERED, 9001), List.of("a:1"));
    assertThat(tasks).isEmpty();
    start.run();
    notifier.enqueue(change(Change.Kind.DEREGISTERED, 9001), List.of("a:1")).run();
    assertThat(tasks).as("the second notice joins the queue already being drained").hasSize(1);

    tasks.get(0).run();
    assertThat(received.get("a:1")).containsExactly("REGISTERED 9001", "DEREGISTERED 9001");
  }

  @Test
  void aFullQueueReportsTheNoticeAsFailedInsteadOfGrowing() {
    List<Runnable> tasks = new ArrayList<>();
    ChangeNotifier notifier = notifier(tasks::add, 2);

    for (int i = 0; i < 3; i++) {
      notifier.enqueue(change(Change.Kind.REGISTERED, 9000 + i), List.of("a:1")).run();
    }
    tasks.forEach(Runnable::run);

    assertThat(received.get("a:1")).containsExactly("REGISTERED 9000", "REGISTERED 9001");
    assertThat(failures).containsExactly("a:1 REGISTERED 9002: notice queue full (2)");
  }

  @Test
  void aFailedNoticeIsReportedAndTheNextOneStillGoesOut() {
    List<Runnable> tasks = new ArrayList<>();
    ChangeNotifier notifier = notifier(tasks::add, 10);

    notifier
        .enqueue(change(Change.Kind.REGISTERED, 6666), List.of("a:1"))
        .run(); // the fake refuses port 6666
    notifier.enqueue(change(Change.Kind.REGISTERED, 9001), List.of("a:1")).run();
    tasks.forEach(Runnable::run);

    assertThat(failures).containsExactly("a:1 REGISTERED 6666: IllegalStateException: refused");
    assertThat(received.get("a:1")).containsExactly("REGISTERED 9001");
  }

  @Test
  void aForgottenDependentGetsNoMoreNotices() {
    List<Runnable> tasks = new ArrayList<>();
    ChangeNotifier notifier = notifier(tasks::add, 10);
    notifier.enqueue(change(Change.Kind.REGISTERED, 9001), List.of("a:1")).run();
    tasks.remove(0).run();

    notifier.enqueue(change(Change.Kind.REGISTERED, 9002), List.of("a:1")).run();
    notifier.forget("a:1");
    tasks.forEach(Runnable::run);

    assertThat(received.get("a:1")).containsExactly("REGISTERED 9001");
    assertThat(failures).as("dropped with the forgotten dependent, not failed").isEmpty();
  }

  private ChangeNotifier notifier(java.util.concurrent.Executor executor, int capacity) {
    return new ChangeNotifier(executor, this::send, this::publish, capacity, Clock.systemUTC());
  }

  private void send(String address, Change change) {
    if (blocked.contains(address)) {
      try {
        unblock.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
    if (change.instance().addr().endsWith(":6666")) {
      throw new IllegalStateException("refused");
    }
    received.computeIfAbsent(address, a -> new CopyOnWriteArrayList<>()).add(describe(change));
  }

  private static Change change(Change.Kind kind, int port) {
    return new Change(kind, ServiceInfo.of("log", "127.0.0.1:" + port), Instant.now());
  }

  private static String describe(Change change) {
    String addr = change.instance().addr();
    return change.kind() + " " + addr.substring(addr.indexOf(':') + 1);
  }

  /**
   * Records the events the notifier publishes, as the metrics and event log observe them in the
   * server.
   */
  private void publish(Object event) {
    if (event instanceof NoticeDelivered delivered) {
      latencies.add(delivered.latency());
    } else if (event instanceof NoticeFailed failed) {
      failures.add(failed.dependent() + " " + describe(failed.change()) + ": " + failed.reason());
    }
  }
}
