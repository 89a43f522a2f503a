package org.servicegrid.gateway.guard;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The clients whose forwarding headers ({@code X-Forwarded-*}, {@code Forwarded}) the gateway believes: a list
 * of CIDR blocks ({@code gateway.trusted-proxies}). Anyone else could write any client address or scheme into
 * those headers, so theirs are replaced. Immutable; matching parses the client's address literal, never DNS.
 */
public final class TrustedProxies {

  /** The characters of an IPv6 literal (an embedded IPv4 part included). */
  private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f.:]+");

  private static final TrustedProxies NONE = new TrustedProxies(List.of());

  private record Block(byte[] network, int prefix) {

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

  private final List<Block> blocks;

  private TrustedProxies(List<Block> blocks) {
    this.blocks = blocks;
  }

  /** Trusts no one: every client's forwarding headers are replaced. */
  public static TrustedProxies none() {
    return NONE;
  }

  /**
   * Parses a comma-separated list of CIDR blocks ({@code 10.0.0.0/8}, {@code fd00::/8}); a bare address is a
   * block of one.
   *
   * @throws IllegalArgumentException naming the entry that is not an IP address or has a bad prefix length
   */
  public static TrustedProxies parse(String list) {
    List<Block> blocks = new ArrayList<>();
    for (String entry : list.split(",")) {
      String cidr = entry.trim();
      if (cidr.isEmpty()) {
        continue;
      }
      int slash = cidr.indexOf('/');
      byte[] network = literal(slash < 0 ? cidr : cidr.substring(0, slash));
      if (network == null) {
        throw new IllegalArgumentException("'" + cidr + "' is not an IP address or CIDR block");
      }
      int prefix = network.length * 8;
      if (slash >= 0) {
        try {
          prefix = Integer.parseInt(cidr.substring(slash + 1));
        } catch (NumberFormatException e) {
          prefix = -1;
        }
        if (prefix < 0 || prefix > network.length * 8) {
          throw new IllegalArgumentException("'" + cidr + "' has a prefix length outside 0.." + network.length * 8);
        }
      }
      blocks.add(new Block(network, prefix));
    }
    return blocks.isEmpty() ? NONE : new TrustedProxies(List.copyOf(blocks));
  }

  public boolean isEmpty() {
    return blocks.isEmpty();
  }

  /** True when the address (the TCP peer, as the container reports it) lies in one of the blocks. */
  public boolean trusts(String address) {
    if (blocks.isEmpty()) {
      return false;
    }
    byte[] bytes = literal(address);
    if (bytes == null) {
      return false;
    }
    for (Block block : blocks) {
      if (block.contains(bytes)) {
        return true;
      }
    }
    return false;
  }

  /** The address's bytes, or null when it is not an IPv4 or IPv6 literal. */
  private static byte[] literal(String address) {
    String bare = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1)
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
      if (parts[i].isEmpty() || parts[i].length() > 3 || !parts[i].chars().allMatch(c -> c >= '0' && c <= '9')) {
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
    return blocks.isEmpty() ? "none" : blocks.size() + " block(s)";
  }
}
