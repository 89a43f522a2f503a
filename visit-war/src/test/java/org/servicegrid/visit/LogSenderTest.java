package org.servicegrid.visit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ws.rs.ProcessingException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.servicegrid.client.ServiceInstances;
import org.servicegrid.protocol.ServiceInfo;

class LogSenderTest {

  private static final ServiceInfo FIRST = ServiceInfo.of("log", "127.0.0.1:1");
  private static final ServiceInfo SECOND = ServiceInfo.of("log", "127.0.0.1:2");

  private final FakeInstances instances = new FakeInstances();
  private final LogSender sender = new LogSender();

  LogSenderTest() {
    sender.instances = instances;
    sender.config = new VisitConfig();
    sender.config.logAttempts = 3;
  }

  @Test
  void postsTheVisitNumberToALogInstance() {
    instances.add(FIRST, message -> { });

    sender.record(7);

    assertThat(instances.received).containsExactly("127.0.0.1:1 7");
    assertThat(instances.reported).isEmpty();
  }

  @Test
  void reportsAnUnreachableInstanceAndTriesTheNextOne() {
    instances.add(FIRST, message -> {
      throw new ProcessingException("connection refused");
    });
    instances.add(SECOND, message -> { });

    sender.record(7);

    assertThat(instances.reported).containsExactly(FIRST);
    assertThat(instances.received).containsExactly("127.0.0.1:2 7");
  }

  @Test
  void failsWhenEveryInstanceFailed() {
    instances.add(FIRST, message -> {
      throw new ProcessingException("read timed out");
    });
    instances.add(SECOND, message -> {
      throw new ProcessingException("connection refused");
    });

    assertThatThrownBy(() -> sender.record(7))
        .isInstanceOf(VisitNotCountedException.class).hasMessage("log service unavailable");
    assertThat(instances.reported).containsExactly(FIRST, SECOND);
  }

  @Test
  void triesNoMoreInstancesThanConfigured() {
    sender.config.logAttempts = 1;
    instances.add(FIRST, message -> {
      throw new ProcessingException("connection refused");
    });
    instances.add(SECOND, message -> { });

    assertThatThrownBy(() -> sender.record(7)).isInstanceOf(VisitNotCountedException.class);
    assertThat(instances.received).isEmpty();
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
    assertThatThrownBy(() -> sender.record(7))
        .isInstanceOf(VisitNotCountedException.class).hasMessage("log service unavailable");
  }

  /** The library's selection reduced to what LogSender relies on: failed instances are skipped. */
  private static final class FakeInstances extends ServiceInstances {
    final Map<ServiceInfo, FakeLogClient> clients = new HashMap<>();
    final List<ServiceInfo> order = new ArrayList<>();
    final List<ServiceInfo> reported = new ArrayList<>();
    final List<String> received = new ArrayList<>();

    void add(ServiceInfo instance, Behaviour behaviour) {
      order.add(instance);
      clients.put(instance, new FakeLogClient(message -> {
        behaviour.append(message);
        received.add(instance.addr() + " " + message);
      }));
    }

    @Override
    public Optional<ServiceInfo> pick(String service) {
      return order.stream().filter(i -> !reported.contains(i)).findFirst();
    }

    @Override
    public void reportFailure(ServiceInfo instance) {
      reported.add(instance);
    }

    @Override
    public <T extends AutoCloseable> T client(ServiceInfo instance, Class<T> api) {
      return api.cast(clients.get(instance));
    }
  }

  @FunctionalInterface
  private interface Behaviour {
    void append(String message);
  }

  private record FakeLogClient(Behaviour behaviour) implements LogClient {
    @Override
    public void append(String message) {
      behaviour.append(message);
    }

    @Override
    public void close() {}
  }
}
