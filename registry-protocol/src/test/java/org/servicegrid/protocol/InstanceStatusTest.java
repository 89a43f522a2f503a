package org.servicegrid.protocol;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Status of an instance: how it is read, leniently, and written. */
class InstanceStatusTest {

  private static ServiceInfo parse(String json) {
    return ServiceInfoParser.parse(json.getBytes(UTF_8));
  }

  @Test
  void parsesTheTwoStatusesInAnyCaseAndNothingElse() {
    assertThat(InstanceStatus.parse("OUT_OF_SERVICE")).contains(InstanceStatus.OUT_OF_SERVICE);
    assertThat(InstanceStatus.parse("up")).contains(InstanceStatus.UP);
    assertThat(InstanceStatus.parse("DOWN")).isEmpty();
    assertThat(InstanceStatus.parse("")).isEmpty();
    assertThat(InstanceStatus.parse(null)).isEmpty();
  }

  @Test
  void aBodyWithoutStatusIsUp() {
    assertThat(parse("{\"Name\":\"log\",\"Addr\":\"h:1\"}").status()).isEqualTo(InstanceStatus.UP);
  }

  @Test
  void theParserReadsAStatusInAnyFieldCase() {
    assertThat(parse("{\"Name\":\"log\",\"Addr\":\"h:1\",\"status\":\"OUT_OF_SERVICE\"}").status())
        .isEqualTo(InstanceStatus.OUT_OF_SERVICE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"DRAINING\"", "42", "null", "{}", "[\"UP\"]"})
  void anUnknownOrMistypedStatusReadsAsUpAndIsNeverRefused(String status) {
    ServiceInfo info = parse("{\"Name\":\"log\",\"Addr\":\"h:1\",\"Status\":" + status + "}");

    assertThat(info.status()).isEqualTo(InstanceStatus.UP);
    assertThat(info.inService()).isTrue();
  }

  @Test
  void theBindingWritesAndReadsTheStatusAndReadsAnUnknownOneAsUp() throws Exception {
    ServiceInfo drained =
        ServiceInfo.of("log", "h:1")
            .withMeta(Map.of("zone", "a"))
            .withStatus(InstanceStatus.OUT_OF_SERVICE);
    try (Jsonb jsonb = JsonbBuilder.create()) {
      String json = jsonb.toJson(drained);

      assertThat(json)
          .isEqualTo(
              "{\"Name\":\"log\",\"Addr\":\"h:1\",\"RequiredServices\":[],"
                  + "\"Status\":\"OUT_OF_SERVICE\",\"Meta\":{\"zone\":\"a\"}}");
      assertThat(jsonb.fromJson(json, ServiceInfo.class)).isEqualTo(drained);
      assertThat(parse(json)).isEqualTo(drained);
      List<ServiceInfo> later =
          jsonb.fromJson(
              "[{\"Name\":\"log\",\"Addr\":\"h:1\",\"Status\":\"DRAINING\"}]",
              new java.util.ArrayList<ServiceInfo>() {}.getClass().getGenericSuperclass());
      assertThat(later).extracting(ServiceInfo::status).containsExactly(InstanceStatus.UP);
    }
  }
}
