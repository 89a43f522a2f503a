package org.servicegrid.registry.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.servicegrid.protocol.ServiceInfo;
import org.servicegrid.registry.cluster.RegistrationRecord;
import org.servicegrid.registry.cluster.RegistrationRecord.State;

class TombstonesTest {

  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private static final ServiceInfo LOG = ServiceInfo.of("log", "127.0.0.1:9001");

  private final Tombstones tombstones = new Tombstones();

  @Test
  void aNewerTombstoneOfAKeyReplacesTheOlderAndARegistrationForgetsIt() {
    RegistrationRecord first = removal(LOG, 2, NOW);
    RegistrationRecord second = removal(LOG, 4, NOW);

    tombstones.put(first);
    tombstones.put(second);

    assertThat(tombstones.get(first.key())).isEqualTo(second);
    tombstones.remove(first.key());
    assertThat(tombstones.get(first.key())).isNull();
  }

  @Test
  void anExpiryForgetsOnlyTheVersionThatExpired() {
    RegistrationRecord older = removal(LOG, 2, NOW);
    RegistrationRecord newer = removal(LOG, 4, NOW);
    tombstones.put(newer);

    tombstones.expired(older);
    assertThat(tombstones.get(LOG.name() + "@" + LOG.addr())).isEqualTo(newer);

    tombstones.expired(newer);
    assertThat(tombstones.size()).isZero();
  }

  @Test
  void forgetsTombstonesOlderThanTwiceTheirTimeToLiveAndFindsTheOnesAsked() {
    ServiceInfo visit = ServiceInfo.of("visit", "127.0.0.1:9002");
    tombstones.put(removal(LOG, 2, NOW.minus(Tombstones.TTL.multipliedBy(2)).minusSeconds(1)));
    tombstones.put(removal(visit, 2, NOW.minus(Tombstones.TTL)));

    assertThat(tombstones.matching(t -> t.info().name().equals("visit")))
        .extracting(RegistrationRecord::info)
        .containsExactly(visit);
    tombstones.forgetMissedExpiries(NOW);

    assertThat(tombstones.matching(t -> true))
        .extracting(RegistrationRecord::info)
        .containsExactly(visit);
  }

  private static RegistrationRecord removal(ServiceInfo info, long version, Instant at) {
    return RegistrationRecord.removal(info, State.DEREGISTERED, at, "").withVersion(version);
  }
}
