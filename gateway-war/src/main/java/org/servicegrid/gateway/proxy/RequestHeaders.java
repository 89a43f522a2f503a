package org.servicegrid.gateway.proxy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.message.BasicHeader;

/**
 * The headers a forwarded request carries: the client's, minus hop-by-hop ones and the ones the HTTP client
 * derives itself ({@code Host} from the instance address, {@code Content-Length} and
 * {@code Transfer-Encoding} from the body), plus the de-facto proxy headers. {@code X-Forwarded-For} is
 * appended to, so a chain of proxies keeps every hop; {@code X-Forwarded-Host} and {@code -Proto} describe
 * this hop's request, overwriting what a client sent. Built once per request, reused by every attempt.
 */
public final class RequestHeaders {

  public static final String FORWARDED_FOR = "X-Forwarded-For";
  public static final String FORWARDED_HOST = "X-Forwarded-Host";
  public static final String FORWARDED_PROTO = "X-Forwarded-Proto";

  private RequestHeaders() {}

  /**
   * @param names         the client's header names (as the servlet request enumerates them)
   * @param values        the values of one header name, in any case
   * @param clientAddress the address the request came from (the TCP peer)
   * @param scheme        the scheme the client used, {@code http} or {@code https}
   */
  public static Header[] forUpstream(Enumeration<String> names, Function<String, Enumeration<String>> values,
      String clientAddress, String scheme) {
    Set<String> listed = HopByHopHeaders.listedIn(Collections.list(values.apply("Connection")));
    List<Header> headers = new ArrayList<>();
    StringBuilder forwardedFor = new StringBuilder();
    String host = null;
    while (names.hasMoreElements()) {
      String name = names.nextElement();
      if (HopByHopHeaders.isHopByHop(name, listed) || name.equalsIgnoreCase("content-length")
          || name.equalsIgnoreCase("expect") || name.equalsIgnoreCase(FORWARDED_HOST)
          || name.equalsIgnoreCase(FORWARDED_PROTO)) {
        continue;
      }
      boolean isHost = name.equalsIgnoreCase("host");
      boolean isForwardedFor = name.equalsIgnoreCase(FORWARDED_FOR);
      for (Enumeration<String> each = values.apply(name); each.hasMoreElements(); ) {
        String value = each.nextElement();
        if (isHost) {
          host = host == null ? value : host;
        } else if (isForwardedFor) {
          appendHop(forwardedFor, value);
        } else {
          headers.add(new BasicHeader(name, value));
        }
      }
    }
    appendHop(forwardedFor, clientAddress);
    headers.add(new BasicHeader(FORWARDED_FOR, forwardedFor.toString()));
    if (host != null) {
      headers.add(new BasicHeader(FORWARDED_HOST, host));
    }
    headers.add(new BasicHeader(FORWARDED_PROTO, scheme));
    return headers.toArray(new Header[0]);
  }

  private static void appendHop(StringBuilder hops, String value) {
    String hop = value.trim();
    if (!hop.isEmpty()) {
      hops.append(hops.length() == 0 ? "" : ", ").append(hop);
    }
  }
}
