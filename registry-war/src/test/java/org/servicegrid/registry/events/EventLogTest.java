package org.servicegrid.registry.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.servicegrid.protocol.ServiceInfo;
import org.servicegrid.registry.notify.NoticeFailed;
import org.servicegrid.registry.table.Change;

class EventLogTest {

  private final EventLog log = new EventLog(3);

  @Test
  void keepsOnlyTheNewestEventsNewestFirst() {
    for (int port = 9001; port <= 9005; port++) {
      log.onChange(
          new Change(
              Change.Kind.REGISTERED, ServiceInfo.of("log", "127.0.0.1:" + port), Instant.now()));
    }

    assertThat(log.recent(10))
        .extracting(RegistryEvent::addr)
        .containsExactly("127.0.0.1:9005", "127.0.0.1:9004", "127.0.0.1:9003");
    assertThat(log.recent(1)).extracting(RegistryEvent::addr).containsExactly("127.0.0.1:9005");
  }

  @Test
  void recordsEvictionsAndFailedNoticesWithTheirReason() {
    Change evicted =
        new Change(Change.Kind.EVICTED, ServiceInfo.of("log", "127.0.0.1:9001"), Instant.now());
    log.onChange(evicted);
    log.onNoticeFailed(
        new NoticeFailed("127.0.0.1:9000", evicted, "ConnectException: Connection refused"));

    assertThat(log.recent(2))
        .extracting(RegistryEvent::type)
        .containsExactly(RegistryEvent.Type.NOTIFICATION_FAILED, RegistryEvent.Type.EVICTED);
    assertThat(log.recent(1).get(0).detail())
        .isEqualTo(
            "notifying 127.0.0.1:9000 of EVICTED failed: ConnectException: Connection refused");
  }
}
