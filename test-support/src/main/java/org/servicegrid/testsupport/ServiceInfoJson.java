package org.servicegrid.testsupport;

import jakarta.json.Json;
import jakarta.json.JsonObject;

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
}
