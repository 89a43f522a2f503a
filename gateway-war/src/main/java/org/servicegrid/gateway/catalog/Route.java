package org.servicegrid.gateway.catalog;

import java.util.Optional;
import java.util.Set;

/**
 * Where a request goes: the service named by the first path segment, and the target the instance
 * sees, i.e. the rest of the path plus the query string. Both stay exactly as the client sent them
 * (not decoded and re-encoded), so percent-encodings, {@code +} and empty query parameters reach
 * the service unchanged.
 *
 * @param service the first path segment, not yet checked against the catalogue
 * @param target the upstream path and query, always starting with {@code /}
 */
public record Route(String service, String target) {

  /**
   * First segments the gateway serves itself (the registry-client library's callback and heart-beat
   * resources); a service registered under one of these names cannot be routed.
   */
  public static final Set<String> RESERVED = Set.of("services", "heart-beat");

  /**
   * The route of a request, or empty when the gateway answers it itself ({@code /}, reserved
   * segments).
   *
   * @param path the raw path inside the application (request URI minus context path), may be empty
   * @param rawQuery the raw query string, or null when the request has none
   */
  public static Optional<Route> parse(String path, String rawQuery) {
    if (path.length() <= 1 || path.charAt(0) != '/') {
      return Optional.empty();
    }
    int slash = path.indexOf('/', 1);
    String service = slash < 0 ? path.substring(1) : path.substring(1, slash);
    if (service.isEmpty() || RESERVED.contains(service)) {
      return Optional.empty();
    }
    String rest = slash < 0 ? "/" : path.substring(slash);
    return Optional.of(new Route(service, rawQuery == null ? rest : rest + '?' + rawQuery));
  }
}
