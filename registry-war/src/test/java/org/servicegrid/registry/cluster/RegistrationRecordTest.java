package org.servicegrid.registry.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.atIndex;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.servicegrid.protocol.InstanceStatus;
import org.servicegrid.protocol.ServiceInfo;
import org.servicegrid.registry.cluster.RegistrationRecord.State;

class RegistrationRecordTest {

  private static final Instant NOW = Instant.parse("2026-12-01T03:00:00.123456Z");
  private static final String TRACE_PARENT =
      "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

  @Test
  void aRecordReadsBackAsWrittenWithItsVersionNotifierAndRequiredServices() {
    RegistrationRecord record =
        RegistrationRecord.live(
                ServiceInfo.of("visit", "127.0.0.1:20003", "log", "db"), NOW, TRACE_PARENT)
            .withVersion(1_764_558_000_123_000L)
            .stamped("member-2", "member-1");

    RegistrationRecord read = RegistrationRecord.decode(record.encode());

    assertThat(read).isEqualTo(record);
    assertThat(read.traceParent()).isEqualTo(TRACE_PARENT);
    assertThat(read.key()).isEqualTo("visit@127.0.0.1:20003");
    assertThat(RegistrationRecord.versionOf(record.encode())).isEqualTo(1_764_558_000_123_000L);
  }

  @Test
  void anInstanceWithoutRequiredServicesAndATombstoneReadBack() {
    RegistrationRecord tombstone =
        RegistrationRecord.removal(ServiceInfo.of("log", "[::1]:9001"), State.EVICTED, NOW, "");

    RegistrationRecord read = RegistrationRecord.decode(tombstone.encode());

    assertThat(read).isEqualTo(tombstone);
    assertThat(read.traceParent()).as("made outside a trace").isEmpty();
    assertThat(read.info().requiredServices()).isEmpty();
    assertThat(read.isLive()).isFalse();
  }

  @Test
  void aStatusAndWhoSetItReadBackAndAPlainRecordKeepsTheFormatBeforeStatus() {
    ServiceInfo info = ServiceInfo.of("log", "127.0.0.1:9001");
    RegistrationRecord plain = RegistrationRecord.live(info, NOW, "").withVersion(7);
    RegistrationRecord drained =
        plain.withStatus(InstanceStatus.OUT_OF_SERVICE, "admin", NOW.plusSeconds(1), "");
    RegistrationRecord back = drained.withStatus(InstanceStatus.UP, "log", NOW, TRACE_PARENT);

    assertThat(plain.encode().split("\t", -1)).hasSize(10);
    assertThat(drained.encode().split("\t", -1)).hasSize(14);
    assertThat(RegistrationRecord.decode(drained.encode())).isEqualTo(drained);
    assertThat(RegistrationRecord.decode(drained.encode()).info().status())
        .isEqualTo(InstanceStatus.OUT_OF_SERVICE);
    assertThat(drained.since()).as("the same registration").isEqualTo(plain.since());
    assertThat(RegistrationRecord.decode(back.encode())).isEqualTo(back);
    assertThat(RegistrationRecord.decode(back.encode()).statusBy()).isEqualTo("log");
  }

  @Test
  void eachWriteHasItsOwnToken() {
    ServiceInfo info = ServiceInfo.of("log", "127.0.0.1:9001");

    assertThat(RegistrationRecord.live(info, NOW, "").token())
        .isNotEqualTo(RegistrationRecord.live(info, NOW, "").token());
  }

  @Test
  void tellsALiveRecordAndItsTokenFromTheTextAlone() {
    RegistrationRecord live =
        RegistrationRecord.live(ServiceInfo.of("log", "127.0.0.1:9001"), NOW, TRACE_PARENT);
    String tombstone =
        RegistrationRecord.removal(live.info(), State.DEREGISTERED, NOW, "").encode();

    assertThat(RegistrationRecord.isLive(live.encode(), null)).isTrue();
    assertThat(RegistrationRecord.isLive(live.encode(), live.token())).isTrue();
    assertThat(RegistrationRecord.isLive(live.encode(), "another registration")).isFalse();
    assertThat(RegistrationRecord.isLive(tombstone, null)).isFalse();
  }

  @Test
  void readsARecordOfTheFormatBeforeTraceParentsAsMadeOutsideATrace() {
    String older =
        "7\tLIVE\ttoken-1\tmember-1\tmember-1\t"
            + NOW
            + "\t"
            + NOW
            + "\tvisit\t127.0.0.1:20003\tlog";

    RegistrationRecord read = RegistrationRecord.decode(older);

    assertThat(read.info()).isEqualTo(ServiceInfo.of("visit", "127.0.0.1:20003", "log"));
    assertThat(read.token()).isEqualTo("token-1");
    assertThat(read.traceParent()).isEmpty();
  }

  @Test
  void writesARecordWithoutATraceInTheFormatBeforeTraceParentsSoThatEarlierNodesReadIt() {
    RegistrationRecord untraced =
        RegistrationRecord.live(ServiceInfo.of("visit", "127.0.0.1:20003", "log"), NOW, "")
            .withVersion(7);
    String traceParent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    RegistrationRecord traced =
        RegistrationRecord.live(ServiceInfo.of("visit", "127.0.0.1:20003", "log"), NOW, traceParent)
            .withVersion(7);

    assertThat(untraced.encode().split("\t", -1)).hasSize(10).endsWith("log");
    assertThat(traced.encode().split("\t", -1)).hasSize(11).endsWith(traceParent);
    assertThat(RegistrationRecord.decode(traced.encode()).traceParent()).isEqualTo(traceParent);
  }

  @Test
  void aRecordWithMetaReadsBackWithItsMetaWithOrWithoutATrace() {
    ServiceInfo info =
        ServiceInfo.of("visit", "127.0.0.1:20003", "log")
            .withMeta(Map.of("version", "2.1", "weight", "30", "note", "tab\there, \"quoted\"\n"));
    RegistrationRecord traced = RegistrationRecord.live(info, NOW, TRACE_PARENT).withVersion(7);
    RegistrationRecord untraced = RegistrationRecord.live(info, NOW, "").withVersion(8);

    assertThat(RegistrationRecord.decode(traced.encode())).isEqualTo(traced);
    assertThat(RegistrationRecord.decode(untraced.encode())).isEqualTo(untraced);
    assertThat(RegistrationRecord.decode(untraced.encode()).info().meta()).isEqualTo(info.meta());
    assertThat(traced.encode().split("\t", -1)).hasSize(12);
    assertThat(untraced.encode().split("\t", -1))
        .as("an empty traceparent field before Meta")
        .hasSize(12)
        .contains("", atIndex(10));
    assertThat(RegistrationRecord.isLive(untraced.encode(), untraced.token())).isTrue();
  }

  @Test
  void writesARecordWithoutMetaInTheFormatsBeforeMetaSoThatEarlierNodesReadIt() {
    RegistrationRecord untraced =
        RegistrationRecord.live(ServiceInfo.of("visit", "127.0.0.1:20003", "log"), NOW, "")
            .withVersion(7)
            .stamped("member-1", "member-1");
    RegistrationRecord traced =
        RegistrationRecord.live(ServiceInfo.of("visit", "127.0.0.1:20003"), NOW, TRACE_PARENT)
            .withVersion(7)
            .stamped("member-1", "member-1");

    assertThat(untraced.encode())
        .isEqualTo(
            "7\tLIVE\t"
                + untraced.token()
                + "\tmember-1\tmember-1\t"
                + NOW
                + "\t"
                + NOW
                + "\tvisit\t127.0.0.1:20003\tlog");
    assertThat(traced.encode())
        .isEqualTo(
            "7\tLIVE\t"
                + traced.token()
                + "\tmember-1\tmember-1\t"
                + NOW
                + "\t"
                + NOW
                + "\tvisit\t127.0.0.1:20003\t\t"
                + TRACE_PARENT);
  }

  @Test
  void readsARecordOfTheFormatBeforeMetaWithoutMeta() {
    String older =
        "7\tLIVE\ttoken-1\tmember-1\tmember-1\t"
            + NOW
            + "\t"
            + NOW
            + "\tvisit\t127.0.0.1:20003\tlog\t"
            + TRACE_PARENT;

    RegistrationRecord read = RegistrationRecord.decode(older);

    assertThat(read.info()).isEqualTo(ServiceInfo.of("visit", "127.0.0.1:20003", "log"));
    assertThat(read.info().meta()).isEmpty();
    assertThat(read.traceParent()).isEqualTo(TRACE_PARENT);
  }

  @Test
  void refusesTextOfAnotherFormat() {
    assertThatThrownBy(() -> RegistrationRecord.decode("1\tLIVE"))
        .isInstanceOf(IllegalArgumentException.class);
    String withBrokenMeta =
        "7\tLIVE\ttoken-1\tmember-1\tmember-1\t"
            + NOW
            + "\t"
            + NOW
            + "\tvisit\t127.0.0.1:20003\tlog\t\t";
    for (String meta : List.of("{", "[]", "{\"a\":1}", "x")) {
      assertThatThrownBy(() -> RegistrationRecord.decode(withBrokenMeta + meta))
          .as(meta)
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> RegistrationRecord.decode(withBrokenMeta + "{}\textra"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
