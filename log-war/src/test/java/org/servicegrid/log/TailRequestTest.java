package org.servicegrid.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.servicegrid.protocol.InvalidRequestException;

class TailRequestTest {

  @Test
  void usesTheDefaultWhenTailIsAbsent() {
    assertThat(TailRequest.lines(null, 20, 1000)).isEqualTo(20);
    assertThat(TailRequest.lines("", 20, 1000)).isEqualTo(20);
  }

  @Test
  void acceptsTheBounds() {
    assertThat(TailRequest.lines("1", 20, 1000)).isEqualTo(1);
    assertThat(TailRequest.lines("1000", 20, 1000)).isEqualTo(1000);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-5", "1001", "abc", "1.5", "99999999999"})
  void rejectsAnythingOutsideOneToMax(String tail) {
    assertThatThrownBy(() -> TailRequest.lines(tail, 20, 1000))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("1000");
  }
}
