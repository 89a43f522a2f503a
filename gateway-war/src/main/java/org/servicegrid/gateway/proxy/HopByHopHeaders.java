package org.servicegrid.gateway.proxy;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The hop-by-hop headers of RFC 9110 section 7.6.1: they describe one connection, not the message, so a proxy
 * must not pass them on. Besides the fixed list, every header named in {@code Connection} is hop-by-hop for
 * that message; it is how a client marks its own per-connection extensions.
 */
public final class HopByHopHeaders {

  private static final Set<String> ALWAYS = Set.of(
      "connection", "keep-alive", "te", "trailer", "transfer-encoding", "upgrade", "proxy-connection");

  private HopByHopHeaders() {}

  /**
   * The headers without the hop-by-hop ones; names keep their case and order, values their order.
   *
   * @param headers a message's headers, names in any case
   */
  public static Map<String, List<String>> strip(Map<String, List<String>> headers) {
    Set<String> listed = connectionListed(headers);
    Map<String, List<String>> kept = new LinkedHashMap<>();
    headers.forEach((name, values) -> {
      if (!isHopByHop(name, listed)) {
        kept.put(name, values);
      }
    });
    return kept;
  }

  /**
   * True when a header must not be passed on.
   *
   * @param name   the header's name, in any case
   * @param listed the lower-case names the message's {@code Connection} header lists
   */
  public static boolean isHopByHop(String name, Set<String> listed) {
    String lower = name.toLowerCase(Locale.ROOT);
    return isHopByHop(lower) || listed.contains(lower);
  }

  /** True for the fixed hop-by-hop names and every {@code Proxy-*} header. */
  static boolean isHopByHop(String lowerCaseName) {
    return ALWAYS.contains(lowerCaseName) || lowerCaseName.startsWith("proxy-");
  }

  /** The lower-case header names listed in the message's {@code Connection} header(s). */
  static Set<String> connectionListed(Map<String, List<String>> headers) {
    Set<String> listed = new HashSet<>();
    headers.forEach((name, values) -> {
      if (name.equalsIgnoreCase("connection")) {
        values.forEach(value -> addTokens(value, listed));
      }
    });
    return listed;
  }

  /** The lower-case header names listed in the given {@code Connection} header values. */
  public static Set<String> listedIn(Iterable<String> connectionValues) {
    Set<String> listed = new HashSet<>();
    connectionValues.forEach(value -> addTokens(value, listed));
    return listed;
  }

  private static void addTokens(String value, Collection<String> into) {
    for (String token : value.split(",")) {
      String name = token.trim().toLowerCase(Locale.ROOT);
      if (!name.isEmpty()) {
        into.add(name);
      }
    }
  }
}
