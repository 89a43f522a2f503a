package org.servicegrid.protocol;

import jakarta.json.stream.JsonGenerator;

/**
 * Writes a {@link ServiceInfo} with a JSON-P generator, as its JSON-B binding writes it: {@code
 * Name}, {@code Addr}, {@code RequiredServices}, {@code Status}, then {@code Meta} only when it
 * holds a pair. For servers that write many instances at once without the binding's per-object
 * reflection; a test holds both to the same bytes.
 */
public final class ServiceInfoWriter {

  private ServiceInfoWriter() {}

  /** Writes {@code info} as the next value of {@code json} (an array element or the root). */
  public static void write(JsonGenerator json, ServiceInfo info) {
    json.writeStartObject().write("Name", info.name()).write("Addr", info.addr());
    json.writeStartArray("RequiredServices");
    info.requiredServices().forEach(json::write);
    json.writeEnd();
    json.write("Status", info.status().name());
    if (!info.meta().isEmpty()) {
      json.writeStartObject("Meta");
      info.meta().forEach(json::write);
      json.writeEnd();
    }
    json.writeEnd();
  }
}
