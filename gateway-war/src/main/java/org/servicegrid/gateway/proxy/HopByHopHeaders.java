package org.servicegrid.gateway.proxy;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The hop-by-hop headers of RFC 9110 section 7.6.1: they describe one connection, not the message,
 * so a proxy must not pass them on. Besides the fixed list, every header named in {@code
 * Connection} is hop-by-hop for that message; it is how a client marks its own per-connection
 * extensions.
 */
public final class HopByHopHeaders {

  private static final Set<String> ALWAYS =
      Set.of(
          "connection",
          "keep-alive",
          "te",
          "trailer",
          "transfer-encoding",
          "upgrade",
          "proxy-connection");

  private HopByHopHeaders() {}

  /**
   * True when a header must not be passed on.
   *
   * @param name the header's name, in any case
   * @param listed the lower-case names the message's {@code Connection} header lists ({@link
   *     #listedIn})
   */
  public static boolean isHopByHop(String name, Set<String> listed) {
    String lower = name.toLowerCase(Locale.ROOT);
    return ALWAYS.contains(lower) || lower.startsWith("proxy-") || listed.contains(lower);
  }

  /**
   * The lower-case header names listed in a message's {@code Connection} header values (any number
   * of lines).
   */
  public static Set<String> listedIn(Iterable<String> connectionValues) {
    Set<String> listed = null;
    for (String value : connectionValues) {
      for (String token : value.split(",")) {
        String name = token.trim().toLowerCase(Locale.ROOT);
        if (!name.isEmpty()) {
          if (listed == null) {
            listed = new HashSet<>();
          }
          listed.add(name);
        }
      }
    }
    return listed == null ? Set.of() : listed;
  }
}
