package org.servicegrid.protocol;

import jakarta.json.bind.adapter.JsonbAdapter;
import java.util.Map;

/**
 * Hands JSON-B an empty Meta as null, which JSON-B leaves out: an instance without Meta is then
 * written exactly as the original protocol writes it. An adapter on the property rather than a
 * serializer of the whole type, because Yasson ignores a type's serializer for the elements of a
 * collection whose type it learns only at run time.
 */
public final class MetaJsonAdapter
    implements JsonbAdapter<Map<String, String>, Map<String, String>> {

  @Override
  public Map<String, String> adaptToJson(Map<String, String> meta) {
    return meta == null || meta.isEmpty() ? null : meta;
  }

  @Override
  public Map<String, String> adaptFromJson(Map<String, String> meta) {
    return meta; // null when absent; ServiceInfo makes it empty
  }
}
