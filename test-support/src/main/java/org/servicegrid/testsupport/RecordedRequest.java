package org.servicegrid.testsupport;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One request a {@link FakeHttpServer} received, as it arrived: method, raw path and query, headers
 * (looked up without regard to case) and the whole body.
 */
public record RecordedRequest(
    String method, String path, String query, Map<String, List<String>> headers, byte[] bodyBytes) {

  public RecordedRequest {
    Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
    headers = Collections.unmodifiableMap(copy);
    bodyBytes = bodyBytes.clone();
  }

  /** The body as UTF-8 text. */
  public String body() {
    return new String(bodyBytes, StandardCharsets.UTF_8);
  }

  /** The first value of the header, or {@code null} when the request had none. */
  public String header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** The names of the request's headers, in lower case. */
  public Set<String> headerNames() {
    Set<String> names = new TreeSet<>();
    headers.keySet().forEach(name -> names.add(name.toLowerCase(Locale.ROOT)));
    return names;
  }

  /** The raw path with the raw query, as the request line named them. */
  public String pathAndQuery() {
    return query == null ? path : path + "?" + query;
  }

  public JsonObject json() {
    try (var reader = Json.createReader(new StringReader(body()))) {
      return reader.readObject();
    }
  }

  public JsonArray jsonArray() {
    try (var reader = Json.createReader(new StringReader(body()))) {
      return reader.readArray();
    }
  }

  @Override
  public String toString() {
    return method + " " + pathAndQuery() + " " + body();
  }
}
