package org.servicegrid.protocol;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a request body into a valid {@link ServiceInfo} or explains, in one sentence, why it
 * cannot.
 *
 * <p>Field names are matched case-insensitively because the original decoder did, so clients that
 * send {@code "name"} or {@code "ADDR"} keep working. Parsing goes through JSON-P rather than
 * JSON-B so that every malformed input maps to the same clear {@link InvalidRequestException}
 * instead of a provider-specific error.
 */
public final class ServiceInfoParser {

  /** One factory: {@code Json.createReader} looks the JSON-P provider up again on every call. */
  private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

  private ServiceInfoParser() {}

  public static ServiceInfo parse(byte[] body) {
    if (body.length == 0) {
      throw new InvalidRequestException(
          "request body is empty; expected a ServiceInfo JSON object");
    }
    JsonValue json;
    try (JsonReader reader = READERS.createReader(new ByteArrayInputStream(body))) {
      json = reader.readValue();
    } catch (JsonException e) {
      throw new InvalidRequestException("malformed JSON: " + firstLine(e.getMessage()));
    }
    if (json.getValueType() != JsonValue.ValueType.OBJECT) {
      throw new InvalidRequestException(
          "expected a JSON object with Name, Addr and RequiredServices");
    }
    ServiceInfo info = fromObject(json.asJsonObject());
    ServiceInfoValidator.validate(info);
    return info;
  }

  private static ServiceInfo fromObject(JsonObject object) {
    String name = null;
    String addr = null;
    List<String> required = List.of();
    Map<String, String> meta = Map.of();
    InstanceStatus status = InstanceStatus.UP;
    for (Map.Entry<String, JsonValue> field : object.entrySet()) {
      switch (field.getKey().toLowerCase(java.util.Locale.ROOT)) {
        case "name" -> name = text("Name", field.getValue());
        case "addr" -> addr = text("Addr", field.getValue());
        case "requiredservices" -> required = names(field.getValue());
        case "meta" -> meta = meta(field.getValue());
        case "status" -> status = status(field.getValue());
        default -> {} // unknown fields are ignored, as the original decoder did
      }
    }
    return new ServiceInfo(name, addr, required, status, meta);
  }

  /**
   * The Status an answer or notice carries; anything else than a known one reads as UP. Never
   * refused: a registration's Status is ignored (the registry sets it), and a reader of answers
   * must not fail on a value a later registry may add.
   */
  private static InstanceStatus status(JsonValue value) {
    return value.getValueType() == JsonValue.ValueType.STRING
        ? InstanceStatus.parse(((JsonString) value).getString()).orElse(InstanceStatus.UP)
        : InstanceStatus.UP;
  }

  private static String text(String field, JsonValue value) {
    if (value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (value.getValueType() != JsonValue.ValueType.STRING) {
      throw new InvalidRequestException(field + " must be a string");
    }
    return ((JsonString) value).getString();
  }

  private static List<String> names(JsonValue value) {
    if (value.getValueType() == JsonValue.ValueType.NULL) {
      return List.of();
    }
    if (value.getValueType() != JsonValue.ValueType.ARRAY) {
      throw new InvalidRequestException("RequiredServices must be an array of service names");
    }
    JsonArray array = value.asJsonArray();
    List<String> names = new ArrayList<>(array.size());
    for (JsonValue element : array) {
      if (element.getValueType() != JsonValue.ValueType.STRING) {
        throw new InvalidRequestException("RequiredServices must contain only strings");
      }
      names.add(((JsonString) element).getString());
    }
    return names;
  }

  /** Meta's pairs as sent; their limits are the validator's. */
  private static Map<String, String> meta(JsonValue value) {
    if (value.getValueType() == JsonValue.ValueType.NULL) {
      return Map.of();
    }
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      throw new InvalidRequestException("Meta must be a JSON object of string values");
    }
    Map<String, String> meta = new LinkedHashMap<>();
    for (Map.Entry<String, JsonValue> pair : value.asJsonObject().entrySet()) {
      if (pair.getValue().getValueType() != JsonValue.ValueType.STRING) {
        throw new InvalidRequestException(
            "Meta value of '"
                + ServiceInfoValidator.abbreviate(pair.getKey())
                + "' must be a string");
      }
      meta.put(pair.getKey(), ((JsonString) pair.getValue()).getString());
    }
    return meta;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable body";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
