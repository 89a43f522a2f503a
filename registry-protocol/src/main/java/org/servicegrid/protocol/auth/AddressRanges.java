package org.servicegrid.protocol.auth;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * A list of CIDR ranges ({@code 127.0.0.1/32, ::1/128, 10.0.0.0/8}) whose callers are admitted without a token.
 * Only literal addresses are accepted, so parsing never resolves a name.
 */
public final class AddressRanges {

  private record Range(byte[] network, int prefix) {}

  private final List<Range> ranges;

  private AddressRanges(List<Range> ranges) {
    this.ranges = ranges;
  }

  /** Parses a comma-separated list (blank: no range); throws {@link IllegalArgumentException} naming a bad entry. */
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

  /** True when {@code address} (a literal IP, as the servlet's remote address) lies in one of the ranges. */
  public boolean contains(String address) {
    if (ranges.isEmpty() || address == null || !isLiteral(address)) {
      return false;
    }
    byte[] bytes;
    try {
      bytes = InetAddress.getByName(address).getAddress();
    } catch (UnknownHostException e) {
      return false;
    }
    return ranges.stream().anyMatch(range -> matches(range, bytes));
  }

  private static boolean matches(Range range, byte[] address) {
    if (range.network().length != address.length) {
      return false;
    }
    int bits = range.network().length * 8;
    BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
        .shiftRight(range.prefix()).not().and(BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE));
    return new BigInteger(1, address).and(mask).equals(new BigInteger(1, range.network()).and(mask));
  }

  private static Range range(String cidr) {
    int slash = cidr.indexOf('/');
    String host = slash < 0 ? cidr : cidr.substring(0, slash);
    if (!isLiteral(host)) {
      throw new IllegalArgumentException("'" + cidr + "' is not an IP address or CIDR range");
    }
    try {
      byte[] network = InetAddress.getByName(host).getAddress();
      int prefix = slash < 0 ? network.length * 8 : Integer.parseInt(cidr.substring(slash + 1));
      if (prefix < 0 || prefix > network.length * 8) {
        throw new IllegalArgumentException("'" + cidr + "' has a prefix length out of range");
      }
      return new Range(network, prefix);
    } catch (UnknownHostException | NumberFormatException e) {
      throw new IllegalArgumentException("'" + cidr + "' is not an IP address or CIDR range", e);
    }
  }

  /** IPv4 dotted digits or IPv6 hex and colons: never a host name that would need a DNS lookup. */
  private static boolean isLiteral(String host) {
    return host.matches("[0-9.]+") && host.chars().filter(c -> c == '.').count() == 3
        || host.contains(":") && host.matches("[0-9a-fA-F:.]+");
  }
}
