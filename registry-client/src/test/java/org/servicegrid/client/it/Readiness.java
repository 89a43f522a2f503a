package org.servicegrid.client.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.http.HttpResponse;
import org.servicegrid.testsupport.Http;

/** The "registration" readiness check as /health/ready reports it. */
record Readiness(int httpStatus, String status, JsonObject data) {

  static Readiness now() {
    HttpResponse<String> response = Http.get(ProbeWar.url("/health/ready"));
    JsonObject health = Json.createReader(new StringReader(response.body())).readObject();
    JsonObject check =
        health.getJsonArray("checks").stream()
            .map(JsonValue::asJsonObject)
            .filter(c -> c.getString("name").equals("registration"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no registration check in " + response.body()));
    return new Readiness(
        response.statusCode(), check.getString("status"), check.getJsonObject("data"));
  }

  boolean up() {
    return httpStatus == 200 && status.equals("UP");
  }

  String reason() {
    return data.containsKey("reason") ? data.getString("reason") : "";
  }
}
