package org.servicegrid.gateway.proxy;

/**
 * This hop's element of the standard {@code Forwarded} header (RFC 7239): {@code for=}, {@code
 * host=}, {@code proto=}. An IPv6 address is bracketed and quoted, the host is always quoted (its
 * {@code :port} is no token character), with {@code "} and {@code \} escaped so a hostile {@code
 * Host} cannot break the list.
 */
final class ForwardedElement {

  private ForwardedElement() {}

  /**
   * @param clientAddress the TCP peer's address
   * @param host the client's {@code Host}, or null when it sent none
   * @param scheme {@code http} or {@code https}
   */
  static String of(String clientAddress, String host, String scheme) {
    StringBuilder element = new StringBuilder(64).append("for=");
    if (clientAddress.startsWith("[")) {
      element.append('"').append(clientAddress).append('"');
    } else if (clientAddress.indexOf(':') >= 0) {
      element.append("\"[").append(clientAddress).append("]\"");
    } else {
      element.append(clientAddress);
    }
    if (host != null) {
      element.append(";host=");
      quote(element, host.trim());
    }
    return element.append(";proto=").append(scheme).toString();
  }

  private static void quote(StringBuilder out, String value) {
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\');
      }
      out.append(c);
    }
    out.append('"');
  }
}
