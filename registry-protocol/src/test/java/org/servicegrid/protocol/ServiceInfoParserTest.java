package org.servicegrid.protocol;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceInfoParserTest {

  private static ServiceInfo parse(String json) {
    return ServiceInfoParser.parse(json.getBytes(UTF_8));
  }

  @Test
  void parsesTheProtocolFieldNames() {
    ServiceInfo info =
        parse("{\"Name\":\"visit\",\"Addr\":\"127.0.0.1:20003\",\"RequiredServices\":[\"log\"]}");

    assertThat(info).isEqualTo(ServiceInfo.of("visit", "127.0.0.1:20003", "log"));
  }

  @Test
  void acceptsFieldNamesInAnyCaseLikeTheOriginalDecoder() {
    ServiceInfo info =
        parse("{\"name\":\"log\",\"ADDR\":\"localhost:20002\",\"requiredservices\":null}");

    assertThat(info).isEqualTo(ServiceInfo.of("log", "localhost:20002"));
  }

  @Test
  void treatsAbsentRequiredServicesAsEmpty() {
    assertThat(parse("{\"Name\":\"log\",\"Addr\":\"h:1\"}").requiredServices()).isEmpty();
  }

  @Test
  void rejectsMalformedJson() {
    assertThatThrownBy(() -> parse("{\"Name\":"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageStartingWith("malformed JSON");
  }

  @Test
  void rejectsNonObjects() {
    assertThatThrownBy(() -> parse("[1,2]")).hasMessageContaining("JSON object");
  }

  @Test
  void rejectsMissingNameOrAddr() {
    assertThatThrownBy(() -> parse("{\"Addr\":\"h:1\"}")).hasMessage("Name is required");
    assertThatThrownBy(() -> parse("{\"Name\":\"a\"}")).hasMessage("Addr is required (host:port)");
    assertThatThrownBy(() -> parse("{\"Name\":\"\",\"Addr\":\"h:1\"}"))
        .hasMessage("Name is required");
  }

  @Test
  void rejectsNamesWithOtherCharacters() {
    assertThatThrownBy(() -> parse("{\"Name\":\"a b\",\"Addr\":\"h:1\"}"))
        .hasMessageContaining("may contain only");
    assertThatThrownBy(
            () -> parse("{\"Name\":\"a\",\"Addr\":\"h:1\",\"RequiredServices\":[\"x/y\"]}"))
        .hasMessageContaining("RequiredServices entry");
  }

  @Test
  void rejectsWrongFieldTypes() {
    assertThatThrownBy(() -> parse("{\"Name\":1,\"Addr\":\"h:1\"}"))
        .hasMessage("Name must be a string");
    assertThatThrownBy(
            () -> parse("{\"Name\":\"a\",\"Addr\":\"h:1\",\"RequiredServices\":\"log\"}"))
        .hasMessageContaining("must be an array");
  }

  @Test
  void rejectsAnEmptyBody() {
    assertThatThrownBy(() -> ServiceInfoParser.parse(new byte[0])).hasMessageContaining("empty");
  }

  @Test
  void serializesWithTheProtocolFieldNames() throws Exception {
    try (Jsonb jsonb = JsonbBuilder.create()) {
      String json = jsonb.toJson(ServiceInfo.of("visit", "127.0.0.1:20003", "log"));

      assertThat(json)
          .isEqualTo(
              "{\"Name\":\"visit\",\"Addr\":\"127.0.0.1:20003\",\"RequiredServices\":[\"log\"],"
                  + "\"Status\":\"UP\"}");
      assertThat(jsonb.fromJson(json, ServiceInfo.class).requiredServices())
          .isEqualTo(List.of("log"));
    }
  }
}
