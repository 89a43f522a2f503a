package org.servicegrid.protocol.auth;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A list of CIDR ranges ({@code 127.0.0.1/32, ::1, 10.0.0.0/8}; a bare address is a range of one):
 * the callers the registry admits without a token, the proxies whose forwarding headers the gateway
 * believes. Immutable; only address literals are parsed and matched, so neither ever asks DNS.
 */
public final class AddressRanges {

  /** The characters of an IPv6 literal (an embedded IPv4 part included). */
  private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f.:]+");

  private record Range(byte[] network, int prefix) {

    boolean contains(byte[] address) {
      if (address.length != network.length) {
        return false;
      }
      int full = prefix / 8;
      for (int i = 0; i < full; i++) {
        if (address[i] != network[i]) {
          return false;
        }
      }
      int rest = prefix % 8;
      int mask = 0xff << (8 - rest) & 0xff;
      return rest == 0 || (address[full] & mask) == (network[full] & mask);
    }
  }

  private final List<Range> ranges;

  private AddressRanges(List<Range> ranges) {
    this.ranges = ranges;
  }

  /**
   * Parses a comma-separated list (blank: no range); throws {@link IllegalArgumentException} naming
   * a bad entry.
   */
  public static AddressRanges parse(String commaSeparated) {
    List<Range> ranges = new ArrayList<>();
    for (String entry : commaSeparated.split(",")) {
      String cidr = entry.trim();
      if (!cidr.isEmpty()) {
        ranges.add(range(cidr));
      }
    }
    return new AddressRanges(List.copyOf(ranges));
  }

  public boolean isEmpty() {
    return ranges.isEmpty();
  }

  /**
   * True when {@code address} (a literal IP, as the servlet's remote address) lies in one of the
   * ranges.
   */
  public boolean contains(String address) {
    if (ranges.isEmpty() || address == null) {
      return false;
    }
    byte[] bytes = literal(address);
    return bytes != null && ranges.stream().anyMatch(range -> range.contains(bytes));
  }

  /** True when {@code address} (a resolved one: IPv4-mapped IPv6 is IPv4 here) lies in a range. */
  public boolean containsAddress(InetAddress address) {
    byte[] bytes = address.getAddress();
    return ranges.stream().anyMatch(range -> range.contains(bytes));
  }

  /**
   * The address {@code text} spells (an IPv4 or IPv6 literal, in brackets or not), or null when it
   * is no literal, e.g. a host name; never asks DNS.
   */
  public static InetAddress literalAddress(String text) {
    byte[] bytes = literal(text);
    try {
      return bytes == null ? null : InetAddress.getByAddress(bytes);
    } catch (UnknownHostException e) {
      return null; // cannot happen: the length is 4 or 16
    }
  }

  private static Range range(String cidr) {
    int slash = cidr.indexOf('/');
    byte[] network = literal(slash < 0 ? cidr : cidr.substring(0, slash));
    if (network == null) {
      throw new IllegalArgumentException("'" + cidr + "' is not an IP address or CIDR range");
    }
    int bits = network.length * 8;
    int prefix = bits;
    if (slash >= 0) {
      try {
        prefix = Integer.parseInt(cidr.substring(slash + 1));
      } catch (NumberFormatException e) {
        prefix = -1;
      }
      if (prefix < 0 || prefix > bits) {
        throw new IllegalArgumentException("'" + cidr + "' has a prefix length outside 0.." + bits);
      }
    }
    return new Range(network, prefix);
  }

  /** The address's bytes, or null when it is not an IPv4 or IPv6 literal (in brackets or not). */
  private static byte[] literal(String address) {
    String bare =
        address.startsWith("[") && address.endsWith("]")
            ? address.substring(1, address.length() - 1)
            : address;
    if (bare.indexOf(':') < 0) {
      return ipv4(bare);
    }
    if (!IPV6_CHARS.matcher(bare).matches()) {
      return null;
    }
    try {
      // With a colon in it, the JDK parses the text as an IPv6 literal or fails: it never asks DNS.
      return InetAddress.getByName(bare).getAddress();
    } catch (UnknownHostException e) {
      return null;
    }
  }

  private static byte[] ipv4(String text) {
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4) {
      return null;
    }
    byte[] bytes = new byte[4];
    for (int i = 0; i < 4; i++) {
      if (parts[i].isEmpty()
          || parts[i].length() > 3
          || !parts[i].chars().allMatch(c -> c >= '0' && c <= '9')) {
        return null;
      }
      int value = Integer.parseInt(parts[i]);
      if (value > 255) {
        return null;
      }
      bytes[i] = (byte) value;
    }
    return bytes;
  }

  @Override
  public String toString() {
    return ranges.isEmpty() ? "none" : ranges.size() + " range(s)";
  }
}
