package org.servicegrid.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RegistrationStateTest {

  private static final Duration SILENCE = Duration.ofSeconds(5);

  private final AtomicLong nanos = new AtomicLong();
  private final RegistrationState state = new RegistrationState();

  @BeforeEach
  void useFakeClock() {
    state.useClock(nanos::get);
  }

  private void advance(long millis) {
    nanos.addAndGet(Duration.ofMillis(millis).toNanos());
  }

  @Test
  void isRegisteredOnlyAfterTheRegistryAccepted() {
    state.registering();
    assertThat(state.isRegistered()).isFalse();

    state.registered();

    assertThat(state.isRegistered()).isTrue();
    assertThat(state.snapshot().phase()).isEqualTo(RegistrationState.Phase.REGISTERED);
  }

  @Test
  void heartBeatsKeepARegisteredInstanceFromBecomingSilent() {
    state.registered();
    for (int i = 0; i < 10; i++) {
      advance(1000);
      state.heard();
      assertThat(state.becameSilent(SILENCE)).isFalse();
    }
    assertThat(state.isRegistered()).isTrue();
  }

  @Test
  void becomesSilentOnceAfterTheThresholdAndIsThenReRegistering() {
    state.registered();
    advance(5001);

    assertThat(state.becameSilent(SILENCE)).isTrue();
    assertThat(state.becameSilent(SILENCE)).isFalse();
    assertThat(state.isRegistered()).isFalse();
    assertThat(state.snapshot().phase()).isEqualTo(RegistrationState.Phase.REREGISTERING);
    assertThat(state.snapshot().lastFailure()).contains("no heart-beat");

    state.registered();
    assertThat(state.isRegistered()).isTrue();
    assertThat(state.snapshot().lastFailure()).isNull();
  }

  @Test
  void anInstanceThatNeverRegisteredIsNotSilentButNotRegisteredEither() {
    state.registering();
    advance(60_000);

    assertThat(state.becameSilent(SILENCE)).isFalse();
    assertThat(state.everRegistered()).isFalse();
  }

  @Test
  void isNoLongerRegisteredAfterDeregistration() {
    state.registered();
    state.deregistered();

    assertThat(state.isRegistered()).isFalse();
    assertThat(state.everRegistered()).isTrue();
  }
}
