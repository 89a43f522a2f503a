package org.servicegrid.client.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import java.util.Map;

/** One request a fake peer received. */
record RecordedRequest(String method, String path, Map<String, List<String>> headers, String body) {

  JsonObject json() {
    return Json.createReader(new StringReader(body)).readObject();
  }

  String header(String name) {
    return headers.entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(name))
        .map(e -> e.getValue().get(0))
        .findFirst()
        .orElse(null);
  }
}
