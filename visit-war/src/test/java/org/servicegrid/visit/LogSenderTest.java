package org.servicegrid.visit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.servicegrid.client.ServiceInstances;
import org.servicegrid.protocol.ServiceInfo;
import org.servicegrid.protocol.Transport;
import org.servicegrid.testsupport.FakeLog;

/** LogSender with the real batch client against fake log instances (JDK HttpServer) on loopback. */
class LogSenderTest {

  private final FakeInstances instances = new FakeInstances();
  private final LogBatchClient client = new LogBatchClient();
  private final LogSender sender = new LogSender();
  private final List<FakeLog> logs = new ArrayList<>();

  LogSenderTest() {
    client.start(Duration.ofSeconds(2), Duration.ofSeconds(5), "visit", Transport.http());
    sender.instances = instances;
    sender.client = client;
    sender.settings = new LogCallSettings(3);
  }

  @AfterEach
  void stop() {
    client.stop();
    logs.forEach(FakeLog::close);
  }

  @Test
  void postsTheVisitNumberToALogInstanceAsTheVisitService() {
    FakeLog log = log();

    sender.record(7, 1);

    assertThat(log.batches()).containsExactly(List.of("7"));
    assertThat(log.lines()).allMatch(line -> "visit".equals(line.caller()));
    assertThat(instances.reported).isEmpty();
  }

  @Test
  void postsAGroupsNumbersInOneCallOneMessageEach() {
    FakeLog log = log();

    sender.record(41, 4);

    assertThat(log.batches()).containsExactly(List.of("41", "42", "43", "44"));
  }

  @Test
  void reportsAnUnreachableInstanceAndTriesTheNextOne() {
    FakeLog gone = log();
    gone.close();
    FakeLog next = log();

    sender.record(7, 1);

    assertThat(instances.reported).containsExactly(instances.of(gone));
    assertThat(next.messages()).containsExactly("7");
  }

  @Test
  void reportsAnInstanceAnsweringAServerErrorAndTriesTheNextOne() {
    FakeLog failing = log();
    failing.failing(true);
    FakeLog next = log();

    sender.record(7, 2);

    assertThat(instances.reported).containsExactly(instances.of(failing));
    assertThat(failing.messages()).isEmpty();
    assertThat(next.messages()).containsExactly("7", "8");
  }

  @Test
  void failsWhenEveryInstanceFailed() {
    FakeLog first = log();
    first.failing(true);
    FakeLog second = log();
    second.close();

    assertThatThrownBy(() -> sender.record(7, 1))
        .isInstanceOf(VisitNotCountedException.class)
        .hasMessage("log service unavailable");
    assertThat(instances.reported).containsExactly(instances.of(first), instances.of(second));
  }

  @Test
  void triesNoMoreInstancesThanConfigured() {
    sender.settings = new LogCallSettings(1);
    log().failing(true);
    FakeLog second = log();

    assertThatThrownBy(() -> sender.record(7, 1)).isInstanceOf(VisitNotCountedException.class);
    assertThat(second.messages()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(ints = {500, 502, 503, 504})
  void blamesTheInstanceForAServerError(int status) {
    assertThat(LogSender.blamesInstance(status)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 404, 413, 415})
  void doesNotBlameTheInstanceForARejectedRequest(int status) {
    assertThat(LogSender.blamesInstance(status)).isFalse();
  }

  @Test
  void failsAtOnceWhenNoLogInstanceIsKnown() {
    assertThatThrownBy(() -> sender.record(7, 1))
        .isInstanceOf(VisitNotCountedException.class)
        .hasMessage("log service unavailable");
  }

  private FakeLog log() {
    FakeLog log = FakeLog.start();
    logs.add(log);
    instances.order.add(ServiceInfo.of("log", log.addr()));
    return log;
  }

  /**
   * The library's selection reduced to what LogSender relies on: failed instances are skipped,
   * retries go elsewhere.
   */
  private static final class FakeInstances extends ServiceInstances {
    final List<ServiceInfo> order = new ArrayList<>();
    final List<ServiceInfo> reported = new ArrayList<>();

    ServiceInfo of(FakeLog log) {
      return order.stream().filter(i -> i.addr().equals(log.addr())).findFirst().orElseThrow();
    }

    @Override
    public Optional<ServiceInfo> pickOther(String service, Collection<ServiceInfo> tried) {
      List<ServiceInfo> usable = order.stream().filter(i -> !reported.contains(i)).toList();
      return usable.stream()
          .filter(i -> !tried.contains(i))
          .findFirst()
          .or(() -> usable.stream().findFirst());
    }

    @Override
    public void reportFailure(ServiceInfo instance) {
      reported.add(instance);
    }
  }
}
