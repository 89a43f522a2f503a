package org.servicegrid.registry.table;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.servicegrid.protocol.InstanceStatus;
import org.servicegrid.protocol.InvalidRequestException;

class StatusRequestTest {

  private static InstanceStatus parse(String body) {
    return StatusRequest.parse(body.getBytes(UTF_8));
  }

  @Test
  void readsEitherStatusWithAFieldNameOfAnyCaseAndIgnoresOtherFields() {
    assertThat(parse("{\"Status\":\"OUT_OF_SERVICE\"}")).isEqualTo(InstanceStatus.OUT_OF_SERVICE);
    assertThat(parse("{\"status\":\"UP\",\"note\":\"done\"}")).isEqualTo(InstanceStatus.UP);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "''|expected a JSON object",
        "not json|expected a JSON object",
        "[\"UP\"]|expected a JSON object",
        "{}|Status is required",
        "{\"Status\":null}|Status must be a string",
        "{\"Status\":1}|Status must be a string",
        "{\"Status\":\"DOWN\"}|Status 'DOWN' is not OUT_OF_SERVICE or UP",
      })
  void refusesABodyThatIsNotOneOfTheTwoStatuses(String body, String message) {
    assertThatThrownBy(() -> parse(body))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageStartingWith(message);
  }
}
