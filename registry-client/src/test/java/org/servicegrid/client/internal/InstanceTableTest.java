package org.servicegrid.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.servicegrid.protocol.ServiceInfo;

class InstanceTableTest {

  private final InstanceTable table = new InstanceTable();

  @Test
  void unknownServiceHasNoInstances() {
    assertThat(table.instances("log")).isEmpty();
  }

  @Test
  void addKeepsInstancesInTheOrderTheyWereLearned() {
    assertThat(table.add(ServiceInfo.of("log", "h:2"))).isTrue();
    assertThat(table.add(ServiceInfo.of("log", "h:1"))).isTrue();

    assertThat(table.instances("log")).extracting(ServiceInfo::addr).containsExactly("h:2", "h:1");
  }

  @Test
  void addingTheSameNameAndAddressAgainReplacesInPlace() {
    table.add(ServiceInfo.of("log", "h:1"));
    table.add(ServiceInfo.of("log", "h:2"));

    assertThat(table.add(ServiceInfo.of("log", "h:1", "visit"))).isFalse();

    assertThat(table.instances("log"))
        .containsExactly(ServiceInfo.of("log", "h:1", "visit"), ServiceInfo.of("log", "h:2"));
  }

  @Test
  void removeForgetsOnlyThatInstance() {
    table.add(ServiceInfo.of("log", "h:1"));
    table.add(ServiceInfo.of("log", "h:2"));

    assertThat(table.remove(ServiceInfo.of("log", "h:1"))).isTrue();
    assertThat(table.remove(ServiceInfo.of("log", "h:9"))).isFalse();
    assertThat(table.remove(ServiceInfo.of("visit", "h:2"))).isFalse();

    assertThat(table.instances("log")).containsExactly(ServiceInfo.of("log", "h:2"));
  }

  @Test
  void registryAnswerReplacesTheListedServicesAndKeepsTheOthers() {
    table.add(ServiceInfo.of("log", "old:1"));
    table.add(ServiceInfo.of("visit", "v:1"));
    table.add(ServiceInfo.of("audit", "a:1"));

    table.replace(Map.of("log", List.of(ServiceInfo.of("log", "new:1")), "visit", List.of()));

    assertThat(table.instances("log")).containsExactly(ServiceInfo.of("log", "new:1"));
    assertThat(table.instances("visit")).isEmpty();
    assertThat(table.instances("audit")).containsExactly(ServiceInfo.of("audit", "a:1"));
  }

  @Test
  void anAdditionNotifiedWhileRegisteringSurvivesTheOlderAnswer() {
    table.trackChanges();
    table.add(ServiceInfo.of("log", "new:1")); // the push overtook the registration answer

    table.replace(Map.of("log", List.of(ServiceInfo.of("log", "old:1"))));

    assertThat(table.instances("log"))
        .containsExactly(ServiceInfo.of("log", "old:1"), ServiceInfo.of("log", "new:1"));
  }

  @Test
  void aRemovalNotifiedWhileRegisteringIsNotUndoneByTheOlderAnswer() {
    table.trackChanges();
    table.remove(ServiceInfo.of("log", "gone:1"));

    table.replace(
        Map.of("log", List.of(ServiceInfo.of("log", "gone:1"), ServiceInfo.of("log", "ok:1"))));

    assertThat(table.instances("log")).containsExactly(ServiceInfo.of("log", "ok:1"));
  }

  @Test
  void changesBeforeTheRegistrationOrAfterAFailedOneAreNotReplayed() {
    table.add(ServiceInfo.of("log", "before:1"));
    table.trackChanges();
    table.stopTrackingChanges();
    table.add(ServiceInfo.of("log", "between:1"));

    table.replace(Map.of("log", List.of(ServiceInfo.of("log", "answer:1"))));

    assertThat(table.instances("log")).containsExactly(ServiceInfo.of("log", "answer:1"));
  }

  @Test
  void primingFillsOnlyServicesTheTableDoesNotKnow() {
    ServiceInfo fresher = ServiceInfo.of("visit", "127.0.0.1:9");
    table.replace(Map.of("visit", List.of(fresher), "audit", List.of()));

    table.prime(
        Map.of(
            "visit",
            List.of(ServiceInfo.of("visit", "127.0.0.1:1")),
            "audit",
            List.of(ServiceInfo.of("audit", "127.0.0.1:2")),
            "log",
            List.of(ServiceInfo.of("log", "127.0.0.1:3"))));

    assertThat(table.instances("visit")).containsExactly(fresher);
    assertThat(table.instances("audit")).isEmpty();
    assertThat(table.instances("log")).containsExactly(ServiceInfo.of("log", "127.0.0.1:3"));
  }

  @Test
  void aRegistrationAnswerReplacesWhatPrimingPutThereAndStillReplaysTheNotices() {
    table.trackChanges();
    table.add(ServiceInfo.of("log", "new:1"));
    table.prime(Map.of("visit", List.of(ServiceInfo.of("visit", "listed:1"))));

    table.replace(Map.of("log", List.of(), "visit", List.of(ServiceInfo.of("visit", "answer:1"))));

    assertThat(table.instances("log")).containsExactly(ServiceInfo.of("log", "new:1"));
    assertThat(table.instances("visit")).containsExactly(ServiceInfo.of("visit", "answer:1"));
  }

  @Test
  void knowsAnAddressWhileAnyInstanceUsesIt() {
    table.add(ServiceInfo.of("log", "h:1"));
    table.add(ServiceInfo.of("audit", "h:1"));

    table.remove(ServiceInfo.of("log", "h:1"));
    assertThat(table.knowsAddress("h:1")).isTrue();
    table.remove(ServiceInfo.of("audit", "h:1"));
    assertThat(table.knowsAddress("h:1")).isFalse();
  }

  @Test
  void readersGetSnapshotsThatLaterChangesDoNotAlter() {
    table.add(ServiceInfo.of("log", "h:1"));
    List<ServiceInfo> before = table.instances("log");

    table.add(ServiceInfo.of("log", "h:2"));

    assertThat(before).containsExactly(ServiceInfo.of("log", "h:1"));
  }

  @Test
  void concurrentAddsAndRemovesLoseNoUpdate() throws Exception {
    int threads = 8;
    int perThread = 200;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<?>> done =
          IntStream.range(0, threads)
              .<Future<?>>mapToObj(
                  t ->
                      pool.submit(
                          () -> {
                            go.await();
                            for (int i = 0; i < perThread; i++) {
                              ServiceInfo instance = ServiceInfo.of("log", "h" + t + ":" + (i + 1));
                              table.add(instance);
                              table.instances("log"); // readers run alongside the writers
                              if (i % 2 == 1) {
                                table.remove(instance);
                              }
                            }
                            return null;
                          }))
              .toList();
      go.countDown();
      for (Future<?> f : done) {
        f.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(table.instances("log")).hasSize(threads * perThread / 2).doesNotHaveDuplicates();
  }
}
