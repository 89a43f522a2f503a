package org.servicegrid.registry.table;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.util.Locale;
import java.util.Map;
import org.servicegrid.protocol.InstanceStatus;
import org.servicegrid.protocol.InvalidRequestException;

/**
 * The body of {@code PUT /services/{name}/{addr}/status}, {@code {"Status": "OUT_OF_SERVICE"}} or
 * {@code {"Status": "UP"}}, turned into the status or a one-sentence 400. The field name is matched
 * without regard to case and other fields are ignored, as in a ServiceInfo.
 */
public final class StatusRequest {

  private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

  private StatusRequest() {}

  public static InstanceStatus parse(byte[] body) {
    JsonValue json;
    try (JsonReader reader = READERS.createReader(new ByteArrayInputStream(body))) {
      json = reader.readValue();
    } catch (JsonException e) {
      throw new InvalidRequestException(
          "expected a JSON object {\"Status\": \"OUT_OF_SERVICE\"} or {\"Status\": \"UP\"}");
    }
    if (json.getValueType() != JsonValue.ValueType.OBJECT) {
      throw new InvalidRequestException(
          "expected a JSON object {\"Status\": \"OUT_OF_SERVICE\"} or {\"Status\": \"UP\"}");
    }
    JsonValue status = null;
    for (Map.Entry<String, JsonValue> field : json.asJsonObject().entrySet()) {
      if (field.getKey().toLowerCase(Locale.ROOT).equals("status")) {
        status = field.getValue();
      }
    }
    if (status == null) {
      throw new InvalidRequestException("Status is required: OUT_OF_SERVICE or UP");
    }
    if (status.getValueType() != JsonValue.ValueType.STRING) {
      throw new InvalidRequestException("Status must be a string: OUT_OF_SERVICE or UP");
    }
    String text = ((JsonString) status).getString();
    return InstanceStatus.parse(text)
        .orElseThrow(
            () ->
                new InvalidRequestException(
                    "Status '"
                        + (text.length() <= 64 ? text : text.substring(0, 64) + "...")
                        + "' is not OUT_OF_SERVICE or UP"));
  }
}
