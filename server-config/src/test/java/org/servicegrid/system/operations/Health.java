package org.servicegrid.system.operations;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.servicegrid.system.Server;
import org.servicegrid.testsupport.Http;

/**
 * One answer of {@code /health/started|live|ready}: the HTTP status, the overall status and each
 * named check.
 */
record Health(int httpStatus, String status, Map<String, Check> checks, String body) {

  /** One named check: UP or DOWN and its data ({@code {}} when it has none). */
  record Check(String status, JsonObject data) {}

  /** {@code GET /health/{kind}} of the server. */
  static Health of(Server server, String kind) throws Exception {
    HttpResponse<String> response = Http.get(server.url("/health/" + kind));
    JsonObject json;
    try (var reader = Json.createReader(new StringReader(response.body()))) {
      json = reader.readObject();
    }
    Map<String, Check> checks = new LinkedHashMap<>();
    for (JsonValue value : json.getJsonArray("checks")) {
      JsonObject check = value.asJsonObject();
      checks.put(
          check.getString("name"),
          new Check(
              check.getString("status"),
              check.getJsonObject("data") == null
                  ? JsonValue.EMPTY_JSON_OBJECT
                  : check.getJsonObject("data")));
    }
    return new Health(response.statusCode(), json.getString("status"), checks, response.body());
  }

  Check check(String name) {
    Check check = checks.get(name);
    if (check == null) {
      throw new AssertionError("no check named " + name + " in " + body);
    }
    return check;
  }
}
