package org.servicegrid.protocol;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.json.stream.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Meta in a ServiceInfo: how it is read, its limits, and how it is written. */
class ServiceInfoMetaTest {

  private static ServiceInfo parse(String json) {
    return ServiceInfoParser.parse(json.getBytes(UTF_8));
  }

  /** A registration of log at h:1 with {@code meta} as its Meta. */
  private static ServiceInfo register(JsonObjectBuilder meta) {
    String json =
        Json.createObjectBuilder()
            .add("Name", "log")
            .add("Addr", "h:1")
            .add("Meta", meta)
            .build()
            .toString();
    return parse(json);
  }

  private static JsonObjectBuilder pairs(int count) {
    JsonObjectBuilder meta = Json.createObjectBuilder();
    for (int i = 0; i < count; i++) {
      meta.add("key-" + i, "value");
    }
    return meta;
  }

  private static JsonObjectBuilder pair(String key, String value) {
    return Json.createObjectBuilder().add(key, value);
  }

  @Test
  void readsMetaAndItsKnownKeys() {
    ServiceInfo info =
        parse(
            "{\"Name\":\"log\",\"Addr\":\"h:1\",\"Meta\":"
                + "{\"version\":\"2.1\",\"zone\":\"eu-1a\",\"weight\":\"30\",\"team\":\"ops\"}}");

    assertThat(info.meta())
        .isEqualTo(Map.of("team", "ops", "version", "2.1", "weight", "30", "zone", "eu-1a"));
    assertThat(info.meta().keySet())
        .as("sorted")
        .containsExactly("team", "version", "weight", "zone");
    assertThat(info.version()).hasValue("2.1");
    assertThat(info.zone()).hasValue("eu-1a");
    assertThat(info.weight()).isEqualTo(30);
  }

  @Test
  void absentNullOrEmptyMetaIsEmptyWithTheDefaults() {
    for (String meta : List.of("", ",\"Meta\":null", ",\"meta\":{}")) {
      ServiceInfo info = parse("{\"Name\":\"log\",\"Addr\":\"h:1\"" + meta + "}");

      assertThat(info).isEqualTo(ServiceInfo.of("log", "h:1"));
      assertThat(info.meta()).isEmpty();
      assertThat(info.weight()).isEqualTo(1);
      assertThat(info.version()).isEqualTo(Optional.empty());
      assertThat(info.zone()).isEmpty();
    }
  }

  @Test
  void theFieldNameMatchesInAnyCaseButKeysAreKeptAsSent() {
    ServiceInfo info = parse("{\"Name\":\"log\",\"Addr\":\"h:1\",\"META\":{\"Version\":\"3\"}}");

    assertThat(info.meta()).containsExactly(Map.entry("Version", "3"));
    assertThat(info.version()).as("keys are case-sensitive").isEmpty();
  }

  @Test
  void metaIsImmutable() {
    Map<String, String> given = new LinkedHashMap<>(Map.of("zone", "a"));
    ServiceInfo info = ServiceInfo.of("log", "h:1").withMeta(given);
    given.put("zone", "b");

    assertThat(info.zone()).hasValue("a");
    assertThatThrownBy(() -> info.meta().put("zone", "c"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void takes64PairsAndRefuses65() {
    assertThat(register(pairs(64)).meta()).hasSize(64);

    assertThatThrownBy(() -> register(pairs(65)))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage("Meta has 65 pairs; at most 64 are allowed");
  }

  @Test
  void takesKeysOf1To128LettersDigitsUnderscoresAndDashes() {
    String longest = "k".repeat(128);
    assertThat(register(pair(longest, "v")).meta()).containsKey(longest);
    assertThat(register(pair("a-Z_09", "v")).meta()).containsKey("a-Z_09");

    assertThatThrownBy(() -> register(pair("k".repeat(129), "v")))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("Meta key 'kkk")
        .hasMessageContaining("must be 1 to 128 letters, digits, '_' or '-'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "a.b", "a b", "zone:1", "é", "a/b"})
  void refusesKeysWithOtherCharactersNamingThem(String key) {
    assertThatThrownBy(() -> register(pair(key, "v")))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageStartingWith("Meta key '" + key + "' must be");
  }

  @Test
  void takesValuesOfUpTo512Characters() {
    assertThat(register(pair("note", "v".repeat(512))).meta().get("note")).hasSize(512);
    assertThat(register(pair("note", "")).meta()).containsEntry("note", "");
    // 512 characters of two UTF-8 bytes each: the limit counts characters, not bytes
    assertThat(register(pair("note", "é".repeat(512))).meta().get("note")).hasSize(512);

    assertThatThrownBy(() -> register(pair("note", "v".repeat(513))))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage("Meta value of 'note' has 513 characters; at most 512 are allowed");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1", "7", "999", "1000"})
  void takesWeightsFrom1To1000(String weight) {
    assertThat(register(pair("weight", weight)).weight()).isEqualTo(Integer.parseInt(weight));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "1001", "x", "", "-5", "+5", "05", "2.5", " 5", "99999999999"})
  void refusesAnyOtherWeight(String weight) {
    assertThatThrownBy(() -> register(pair("weight", weight)))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage("Meta weight '" + weight + "' must be an integer from 1 to 1000");
  }

  @Test
  void refusesMetaThatIsNoObjectOfStrings() {
    for (String meta : List.of("[]", "\"version=2\"", "1", "true", "[{\"a\":\"b\"}]")) {
      assertThatThrownBy(() -> parse("{\"Name\":\"log\",\"Addr\":\"h:1\",\"Meta\":" + meta + "}"))
          .as(meta)
          .isInstanceOf(InvalidRequestException.class)
          .hasMessage("Meta must be a JSON object of string values");
    }
    for (String value : List.of("2", "null", "true", "{}", "[\"2\"]")) {
      assertThatThrownBy(
              () ->
                  parse("{\"Name\":\"log\",\"Addr\":\"h:1\",\"Meta\":{\"version\":" + value + "}}"))
          .as(value)
          .isInstanceOf(InvalidRequestException.class)
          .hasMessage("Meta value of 'version' must be a string");
    }
  }

  @Test
  void theValidatorRefusesWhatCodeBuiltToo() {
    ServiceInfo nullValue =
        ServiceInfo.of("log", "h:1").withMeta(new LinkedHashMap<>(Map.of("a", "b")));
    Map<String, String> withNull = new LinkedHashMap<>();
    withNull.put("version", null);

    assertThat(nullValue.meta()).containsEntry("a", "b");
    assertThatThrownBy(() -> ServiceInfoValidator.validate(nullValue.withMeta(withNull)))
        .hasMessage("Meta value of 'version' must be a string");
    assertThat(ServiceInfo.of("log", "h:1").withMeta(Map.of("weight", "0")).weight())
        .as("an unvalidated weight counts as the default")
        .isEqualTo(1);
  }

  @Test
  void withoutMetaAnInstanceIsWrittenAsTheOriginalProtocolWritesItPlusItsStatus() throws Exception {
    try (Jsonb jsonb = JsonbBuilder.create()) {
      ServiceInfo info = ServiceInfo.of("visit", "127.0.0.1:20003", "log");
      OriginalServiceInfo original =
          new OriginalServiceInfo("visit", "127.0.0.1:20003", List.of("log"));
      String originalJson = jsonb.toJson(original);

      assertThat(jsonb.toJson(info))
          .isEqualTo(originalJson.substring(0, originalJson.length() - 1) + ",\"Status\":\"UP\"}");
      assertThat(jsonb.toJson(Map.of("visit", List.of(info, ServiceInfo.of("log", "h:1")))))
          .isEqualTo(
              "{\"visit\":[{\"Name\":\"visit\",\"Addr\":\"127.0.0.1:20003\","
                  + "\"RequiredServices\":[\"log\"],\"Status\":\"UP\"},"
                  + "{\"Name\":\"log\",\"Addr\":\"h:1\",\"RequiredServices\":[],"
                  + "\"Status\":\"UP\"}]}");
      assertThat(jsonb.fromJson(originalJson, ServiceInfo.class))
          .as("an original-protocol body reads as UP")
          .isEqualTo(info);
      assertThat(parse(originalJson)).isEqualTo(info);
    }
  }

  @Test
  void withMetaAnInstanceIsWrittenWithMetaLastAndSortedByKeyAndReadBack() throws Exception {
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put("zone", "eu-1a");
    meta.put("version", "2.1");
    meta.put("note", "tab\there \"quoted\"");
    ServiceInfo info = ServiceInfo.of("visit", "127.0.0.1:20003").withMeta(meta);

    try (Jsonb jsonb = JsonbBuilder.create()) {
      String json = jsonb.toJson(List.of(info));

      assertThat(json)
          .isEqualTo(
              "[{\"Name\":\"visit\",\"Addr\":\"127.0.0.1:20003\",\"RequiredServices\":[],"
                  + "\"Status\":\"UP\","
                  + "\"Meta\":{\"note\":\"tab\\there \\\"quoted\\\"\",\"version\":\"2.1\","
                  + "\"zone\":\"eu-1a\"}}]");
      assertThat(jsonb.fromJson(jsonb.toJson(info), ServiceInfo.class)).isEqualTo(info);
      assertThat(parse(jsonb.toJson(info))).isEqualTo(info);
    }
  }

  @Test
  void theJsonPWriterWritesWhatTheBindingWrites() throws Exception {
    List<ServiceInfo> instances =
        List.of(
            ServiceInfo.of("visit", "127.0.0.1:20003", "log", "db"),
            ServiceInfo.of("log", "[::1]:9001").withMeta(Map.of("weight", "5", "zone", "\u00e9\n")),
            ServiceInfo.of("log", "h:2").withStatus(InstanceStatus.OUT_OF_SERVICE));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator json = Json.createGenerator(out)) {
      json.writeStartArray();
      instances.forEach(instance -> ServiceInfoWriter.write(json, instance));
      json.writeEnd();
    }

    try (Jsonb jsonb = JsonbBuilder.create()) {
      assertThat(out.toString(UTF_8)).isEqualTo(jsonb.toJson(instances));
    }
  }

  /** ServiceInfo as it was before Meta: what JSON-B wrote then. */
  @JsonbPropertyOrder({"name", "addr", "requiredServices"})
  public record OriginalServiceInfo(
      @JsonbProperty("Name") String name,
      @JsonbProperty("Addr") String addr,
      @JsonbProperty("RequiredServices") List<String> requiredServices) {}
}
