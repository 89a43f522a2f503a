package org.servicegrid.gateway.proxy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.message.BasicHeader;
import org.servicegrid.protocol.auth.AddressRanges;

/**
 * The headers a forwarded request carries: the client's, minus hop-by-hop ones and the ones the
 * HTTP client derives itself ({@code Host} from the instance address, {@code Content-Length} and
 * {@code Transfer-Encoding} from the body), plus the proxy headers of this hop: {@code
 * X-Forwarded-For/-Host/-Proto/-Port}, {@code Forwarded} and {@code Via}.
 *
 * <p>A client could write any address or scheme into the forwarding headers, so those it sent are
 * dropped and replaced by what this hop saw, unless the client is a trusted proxy ({@code
 * gateway.trusted-proxies}): then its {@code X-Forwarded-For} and {@code Forwarded} chains are
 * extended and its {@code -Host/-Proto/-Port} kept, as they describe the original request. {@code
 * Via} is always extended; finding this gateway's own name in it marks a loop. The same pass sums
 * the size of the client's header fields for the header limit. Built once per request, reused by
 * every attempt.
 */
public final class RequestHeaders {

  public static final String FORWARDED_FOR = "X-Forwarded-For";
  public static final String FORWARDED_HOST = "X-Forwarded-Host";
  public static final String FORWARDED_PROTO = "X-Forwarded-Proto";
  public static final String FORWARDED_PORT = "X-Forwarded-Port";
  public static final String FORWARDED = "Forwarded";
  public static final String VIA = "Via";

  /**
   * What this hop saw of the client.
   *
   * @param address the address the request came from (the TCP peer)
   * @param scheme {@code http} or {@code https}
   * @param protocol the request's protocol, e.g. {@code HTTP/1.1}
   * @param port the gateway's port the client connected to
   */
  public record Client(String address, String scheme, String protocol, int port) {}

  /**
   * @param headers the headers to send upstream
   * @param bytes the size of the client's header fields: each name, value, {@code ": "} and CRLF
   * @param loop true when the client's {@code Via} already names this gateway
   */
  public record Outgoing(Header[] headers, long bytes, boolean loop) {}

  private enum Kind {
    PASS,
    DROP,
    HOST,
    VIA,
    FOR,
    FORWARDED,
    PROTO,
    FORWARDED_HOST,
    PORT
  }

  private final AddressRanges trustedProxies;
  private final String pseudonym;
  private final String via11;
  private final boolean ownTraceContext;

  /**
   * @param pseudonym this gateway's name in {@code Via} ({@code gateway.via})
   * @param ownTraceContext true when the gateway traces: then it writes {@code traceparent} and
   *     {@code tracestate} itself (continuing a trusted proxy's, see {@link ForwardTrace}), and the
   *     client's are dropped; when it does not trace, they pass through untouched
   */
  public RequestHeaders(AddressRanges trustedProxies, String pseudonym, boolean ownTraceContext) {
    this.trustedProxies = trustedProxies;
    this.pseudonym = pseudonym;
    this.via11 = "1.1 " + pseudonym;
    this.ownTraceContext = ownTraceContext;
  }

  /**
   * @param names the client's header names (as the servlet request enumerates them)
   * @param values the values of one header name, in any case
   */
  public Outgoing forUpstream(
      Enumeration<String> names, Function<String, Enumeration<String>> values, Client client) {
    Set<String> listed = HopByHopHeaders.listedIn(Collections.list(values.apply("Connection")));
    boolean trusted = trustedProxies.contains(client.address());
    List<Header> headers = new ArrayList<>();
    long bytes = 0;
    boolean loop = false;
    String host = null;
    String proto = null;
    String forwardedHost = null;
    String port = null;
    StringBuilder forwardedFor =
        null; // the lists a client sent, null (no allocation) when it sent none
    StringBuilder forwarded = null;
    StringBuilder via = null;
    while (names.hasMoreElements()) {
      String name = names.nextElement();
      Kind kind = ownTraceContext && isTraceContext(name) ? Kind.DROP : kind(name, listed, trusted);
      for (Enumeration<String> each = values.apply(name); each.hasMoreElements(); ) {
        String value = each.nextElement();
        bytes += name.length() + value.length() + 4;
        switch (kind) {
          case PASS -> headers.add(new BasicHeader(name, value));
          case HOST -> host = host == null ? value : host;
          case VIA -> {
            via = append(via, value);
            loop |= namesThisGateway(value);
          }
          case FOR -> forwardedFor = append(forwardedFor, value);
          case FORWARDED -> forwarded = append(forwarded, value);
          case PROTO -> proto = proto == null ? value.trim() : proto;
          case FORWARDED_HOST ->
              forwardedHost = forwardedHost == null ? value.trim() : forwardedHost;
          case PORT -> port = port == null ? value.trim() : port;
          case DROP -> {}
        }
      }
    }
    headers.add(new BasicHeader(FORWARDED_FOR, join(forwardedFor, client.address())));
    if (forwardedHost != null || host != null) {
      headers.add(new BasicHeader(FORWARDED_HOST, forwardedHost != null ? forwardedHost : host));
    }
    headers.add(new BasicHeader(FORWARDED_PROTO, proto != null ? proto : client.scheme()));
    headers.add(
        new BasicHeader(FORWARDED_PORT, port != null ? port : Integer.toString(client.port())));
    String element = ForwardedElement.of(client.address(), host, client.scheme());
    headers.add(new BasicHeader(FORWARDED, join(forwarded, element)));
    headers.add(
        new BasicHeader(
            VIA,
            join(
                via,
                client.protocol().equals("HTTP/1.1")
                    ? via11
                    : version(client.protocol()) + " " + pseudonym)));
    return new Outgoing(headers.toArray(new Header[0]), bytes, loop);
  }

  private static boolean isTraceContext(String name) {
    return name.equalsIgnoreCase("traceparent") || name.equalsIgnoreCase("tracestate");
  }

  /** What to do with a header: the forwarding ones are collected only from a trusted proxy. */
  private static Kind kind(String name, Set<String> listed, boolean trusted) {
    if (HopByHopHeaders.isHopByHop(name, listed)
        || name.equalsIgnoreCase("content-length")
        || name.equalsIgnoreCase("expect")) {
      return Kind.DROP;
    }
    if (name.equalsIgnoreCase("host")) {
      return Kind.HOST;
    }
    if (name.equalsIgnoreCase(VIA)) {
      return Kind.VIA;
    }
    Kind forwarding =
        name.equalsIgnoreCase(FORWARDED_FOR)
            ? Kind.FOR
            : name.equalsIgnoreCase(FORWARDED)
                ? Kind.FORWARDED
                : name.equalsIgnoreCase(FORWARDED_PROTO)
                    ? Kind.PROTO
                    : name.equalsIgnoreCase(FORWARDED_HOST)
                        ? Kind.FORWARDED_HOST
                        : name.equalsIgnoreCase(FORWARDED_PORT) ? Kind.PORT : Kind.PASS;
    return forwarding == Kind.PASS || trusted ? forwarding : Kind.DROP;
  }

  /**
   * True when one of the {@code Via} entries ({@code protocol received-by [comment]}) is this
   * gateway's.
   */
  private boolean namesThisGateway(String via) {
    for (String entry : via.split(",")) {
      String[] parts = entry.trim().split("\\s+", 3);
      if (parts.length >= 2 && parts[1].equalsIgnoreCase(pseudonym)) {
        return true;
      }
    }
    return false;
  }

  private static String version(String protocol) {
    return protocol.startsWith("HTTP/") ? protocol.substring(5) : protocol;
  }

  /** Adds a value to a comma-separated list, creating the list with its first non-blank value. */
  private static StringBuilder append(StringBuilder list, String value) {
    String item = value.trim();
    if (item.isEmpty()) {
      return list;
    }
    return list == null ? new StringBuilder(item) : list.append(", ").append(item);
  }

  /** The list with this hop's entry last; just the entry when the client sent no list. */
  private static String join(StringBuilder list, String last) {
    return list == null ? last : list.append(", ").append(last).toString();
  }
}
