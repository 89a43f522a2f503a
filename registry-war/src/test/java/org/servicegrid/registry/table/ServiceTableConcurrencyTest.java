package org.servicegrid.registry.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.servicegrid.protocol.ServiceInfo;

class ServiceTableConcurrencyTest {

  private static final int WRITERS = 8;
  private static final int ROUNDS = 2_000;
  private static final int SHARED_INSTANCES = 4;

  private final ServiceTableTest.RecordingSink sink = new ServiceTableTest.RecordingSink();
  private final ServiceTable table = TestCluster.table(sink, e -> {}, Clock.systemUTC(), 100);
  private final ExecutorService threads = Executors.newFixedThreadPool(WRITERS + 2);

  @AfterEach
  void stopThreads() {
    threads.shutdownNow();
  }

  @Test
  void concurrentRegistrationsAndRemovalsKeepTheTableConsistentAndNoticesInChangeOrder()
      throws Exception {
    table.register(ServiceInfo.of("gateway", "127.0.0.1:9000", "svc"));
    CountDownLatch go = new CountDownLatch(1);
    AtomicBoolean writing = new AtomicBoolean(true);
    List<Future<?>> writers = new ArrayList<>();
    for (int w = 0; w < WRITERS; w++) {
      int writer = w;
      writers.add(
          threads.submit(
              () -> {
                go.await();
                for (int round = 0; round < ROUNDS; round++) {
                  ServiceInfo shared =
                      ServiceInfo.of("svc", "127.0.0.1:" + (10_000 + round % SHARED_INSTANCES));
                  ServiceInfo own =
                      ServiceInfo.of("svc", "127.0.0.1:" + (20_000 + writer * ROUNDS + round));
                  table.register(shared);
                  table.register(own);
                  table.deregister(shared);
                  if (round % 2 == 0) {
                    table.deregister(own);
                  }
                }
                return null;
              }));
    }
    Future<Integer> reader = threads.submit(readUntil(writing, go));
    go.countDown();
    for (Future<?> writer : writers) {
      writer.get(60, TimeUnit.SECONDS);
    }
    writing.set(false);

    assertThat(reader.get(60, TimeUnit.SECONDS)).as("snapshots read").isPositive();
    assertThat(table.instancesOf("svc"))
        .hasSize(WRITERS * ROUNDS / 2)
        .noneMatch(i -> i.addr().matches("127\\.0\\.0\\.1:1000\\d"));
    assertNoticesAlternateAddAndRemovePerInstance();
  }

  /**
   * Reads snapshots while the writers run; every snapshot must hold each Name+Addr at most once.
   */
  private Callable<Integer> readUntil(AtomicBoolean writing, CountDownLatch go) {
    return () -> {
      go.await();
      int snapshots = 0;
      while (writing.get()) {
        List<ServiceInfo> instances = table.services().get("svc");
        assertThat(instances).extracting(ServiceInfo::addr).doesNotHaveDuplicates();
        snapshots++;
      }
      return snapshots;
    };
  }

  /**
   * Notices are queued under the table's lock, so per instance they must alternate
   * REGISTERED/removed.
   */
  private void assertNoticesAlternateAddAndRemovePerInstance() {
    Map<String, Boolean> present = new HashMap<>();
    synchronized (sink) {
      for (String notice : sink.notices) {
        String instance = notice.substring(notice.indexOf(' ') + 1, notice.indexOf(" -> "));
        boolean added = notice.startsWith("REGISTERED");
        assertThat(present.getOrDefault(instance, false))
            .as("%s after %s", notice, instance)
            .isNotEqualTo(added);
        present.put(instance, added);
      }
    }
    assertThat(present.values().stream().filter(p -> p)).hasSize(WRITERS * ROUNDS / 2);
  }
}
