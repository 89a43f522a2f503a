package org.servicegrid.gateway.proxy;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The headers a forwarded request carries: the client's, minus hop-by-hop ones and the ones the HTTP client
 * derives itself ({@code Host} from the instance address, {@code Content-Length} from the body), plus the
 * de-facto proxy headers. {@code X-Forwarded-For} is appended to, so a chain of proxies keeps every hop;
 * {@code X-Forwarded-Host} and {@code -Proto} describe this hop's request, overwriting what a client sent.
 */
public final class RequestHeaders {

  public static final String FORWARDED_FOR = "X-Forwarded-For";
  public static final String FORWARDED_HOST = "X-Forwarded-Host";
  public static final String FORWARDED_PROTO = "X-Forwarded-Proto";

  /** Set by the JDK HttpClient itself; it refuses them from callers ({@code Expect} is hop-specific too). */
  private static final Set<String> SET_BY_CLIENT = Set.of("host", "content-length", "expect");
  private static final Set<String> FORWARDED = Set.of("x-forwarded-for", "x-forwarded-host", "x-forwarded-proto");

  private RequestHeaders() {}

  /**
   * @param incoming      the client's request headers
   * @param clientAddress the address the request came from (the TCP peer)
   * @param scheme        the scheme the client used, {@code http} or {@code https}
   */
  public static Map<String, List<String>> forUpstream(
      Map<String, List<String>> incoming, String clientAddress, String scheme) {
    Map<String, List<String>> headers = HopByHopHeaders.strip(incoming);
    List<String> priorFor = new ArrayList<>();
    String host = null;
    for (Iterator<Map.Entry<String, List<String>>> it = headers.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<String, List<String>> header = it.next();
      String name = header.getKey().toLowerCase(Locale.ROOT);
      if (name.equals("x-forwarded-for")) {
        priorFor.addAll(header.getValue());
      } else if (name.equals("host") && !header.getValue().isEmpty()) {
        host = header.getValue().get(0);
      }
      if (SET_BY_CLIENT.contains(name) || FORWARDED.contains(name)) {
        it.remove();
      }
    }
    headers.put(FORWARDED_FOR, List.of(appendHop(priorFor, clientAddress)));
    if (host != null) {
      headers.put(FORWARDED_HOST, List.of(host));
    }
    headers.put(FORWARDED_PROTO, List.of(scheme));
    return headers;
  }

  private static String appendHop(List<String> prior, String clientAddress) {
    List<String> hops = new ArrayList<>();
    for (String value : prior) {
      if (!value.isBlank()) {
        hops.add(value.trim());
      }
    }
    hops.add(clientAddress);
    return String.join(", ", hops);
  }
}
