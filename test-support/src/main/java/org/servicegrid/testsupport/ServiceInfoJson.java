package org.servicegrid.testsupport;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.util.Map;

/**
 * The protocol's ServiceInfo as JSON, built with JSON-P so that names and addresses are escaped
 * properly.
 */
public final class ServiceInfoJson {

  private ServiceInfoJson() {}

  /** {@code {"Name": name, "Addr": addr, "RequiredServices": [required...]}} as text. */
  public static String serviceInfo(String name, String addr, String... required) {
    return object(name, addr, required).toString();
  }

  public static JsonObject object(String name, String addr, String... required) {
    var names = Json.createArrayBuilder();
    for (String service : required) {
      names.add(service);
    }
    return Json.createObjectBuilder()
        .add("Name", name)
        .add("Addr", addr)
        .add("RequiredServices", names)
        .build();
  }

  /** {@code info} (a ServiceInfo as text) with {@code meta} as its Meta, in the map's order. */
  public static String withMeta(String info, Map<String, String> meta) {
    JsonObjectBuilder pairs = Json.createObjectBuilder();
    meta.forEach(pairs::add);
    try (var reader = Json.createReader(new StringReader(info))) {
      return Json.createObjectBuilder(reader.readObject()).add("Meta", pairs).build().toString();
    }
  }
}
