package org.servicegrid.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;

class BoundedBodyTest {

  @Test
  void readsABodyUpToTheLimit() throws Exception {
    assertThat(BoundedBody.read(new ByteArrayInputStream(new byte[100]), 100)).hasSize(100);
  }

  @Test
  void refusesABodyOverTheLimit() {
    assertThatThrownBy(() -> BoundedBody.read(new ByteArrayInputStream(new byte[101]), 100))
        .isInstanceOf(PayloadTooLargeException.class)
        .hasMessage("request body is larger than 100 bytes");
  }
}
