package org.servicegrid.registry.table;

import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import org.servicegrid.protocol.ServiceInfo;
import org.servicegrid.protocol.ServiceInfoWriter;

/**
 * Writes the protocol's answers ({@code [ServiceInfo...]} and {@code {name: [ServiceInfo...]}}) as
 * UTF-8 JSON with a JSON-P generator ({@link ServiceInfoWriter}): the same fields, order and
 * escaping as the JSON-B binding of {@link ServiceInfo}, without the binding's per-object
 * reflection, which made answering with thousands of instances CPU-bound.
 */
public final class InstancesJson {

  /** One factory: {@code Json.createGenerator} looks the JSON-P provider up again on every call. */
  private static final JsonGeneratorFactory GENERATORS = Json.createGeneratorFactory(Map.of());

  private InstancesJson() {}

  /** {@code [ServiceInfo...]}. */
  public static byte[] list(List<ServiceInfo> instances) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 + 80 * instances.size());
    try (JsonGenerator json = GENERATORS.createGenerator(out)) {
      json.writeStartArray();
      instances.forEach(instance -> write(json, instance));
      json.writeEnd();
    }
    return out.toByteArray();
  }

  /** {@code {name: [ServiceInfo...]}}, in the map's order. */
  public static byte[] byName(Map<String, List<ServiceInfo>> answer) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator json = GENERATORS.createGenerator(out)) {
      json.writeStartObject();
      answer.forEach(
          (name, instances) -> {
            json.writeStartArray(name);
            instances.forEach(instance -> write(json, instance));
            json.writeEnd();
          });
      json.writeEnd();
    }
    return out.toByteArray();
  }

  private static void write(JsonGenerator json, ServiceInfo instance) {
    ServiceInfoWriter.write(json, instance);
  }
}
