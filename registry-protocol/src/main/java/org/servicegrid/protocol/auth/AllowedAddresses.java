package org.servicegrid.protocol.auth;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where instances may listen: the registry's {@code registry.allowed-addresses}, the gateway's
 * {@code gateway.allowed-upstreams}. Without a bound, whoever may register could make the gateway
 * an open proxy and the registry a prober of any host. Comma-separated entries: CIDR ranges and
 * addresses; {@code loopback}, {@code private} and {@code link-local}; {@code caller}, the
 * registering request's own address; host-name patterns, an exact name or {@code *.zone} for any
 * name below the zone.
 *
 * <p>An address is allowed when it lies in a range or is the caller's. A host name is allowed when
 * it matches a pattern (the operator vouches for that zone's DNS, whatever it answers), otherwise
 * only when every address it resolves to is allowed, so that no record of a name can point past the
 * ranges.
 */
public final class AllowedAddresses {

  /** Loopback: 127.0.0.0/8 and ::1. */
  public static final String LOOPBACK = "loopback";

  /** The private ranges of RFC 1918 and the IPv6 unique local addresses (RFC 4193). */
  public static final String PRIVATE = "private";

  /** 169.254.0.0/16 and fe80::/10: not in the defaults, as clouds serve their metadata there. */
  public static final String LINK_LOCAL = "link-local";

  /** The address of the request that registers: an instance may always register itself. */
  public static final String CALLER = "caller";

  private static final String LOOPBACK_RANGES = "127.0.0.0/8, ::1/128";
  private static final String PRIVATE_RANGES =
      "10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, fc00::/7";
  private static final String LINK_LOCAL_RANGES = "169.254.0.0/16, fe80::/10";

  private static final Pattern NAME =
      Pattern.compile("[a-z0-9]([a-z0-9-]{0,62})?(\\.[a-z0-9]([a-z0-9-]{0,62})?)*");

  private final String text;
  private final AddressRanges ranges;
  private final boolean caller;
  private final List<String> names;
  private final List<String> zones;

  private AllowedAddresses(
      String text, AddressRanges ranges, boolean caller, List<String> names, List<String> zones) {
    this.text = text;
    this.ranges = ranges;
    this.caller = caller;
    this.names = names;
    this.zones = zones;
  }

  /** Parses the setting; throws {@link IllegalArgumentException} naming a bad entry. */
  public static AllowedAddresses parse(String commaSeparated) {
    List<String> cidrs = new ArrayList<>();
    List<String> names = new ArrayList<>();
    List<String> zones = new ArrayList<>();
    boolean caller = false;
    for (String raw : commaSeparated.split(",")) {
      String entry = raw.trim().toLowerCase(Locale.ROOT);
      switch (entry) {
        case "" -> {}
        case LOOPBACK -> cidrs.add(LOOPBACK_RANGES);
        case PRIVATE -> cidrs.add(PRIVATE_RANGES);
        case LINK_LOCAL -> cidrs.add(LINK_LOCAL_RANGES);
        case CALLER -> caller = true;
        default -> {
          if (entry.startsWith("*.") && NAME.matcher(entry.substring(2)).matches()) {
            zones.add(entry.substring(1)); // ".zone": a name must end with it
          } else if (entry.contains("/") || entry.contains(":") || entry.matches("[0-9.]+")) {
            cidrs.add(entry); // AddressRanges names it when it is no range
          } else if (NAME.matcher(entry).matches()) {
            names.add(entry);
          } else {
            throw new IllegalArgumentException(
                "'" + raw.trim() + "' is no CIDR range, host name, *.zone or symbolic entry");
          }
        }
      }
    }
    return new AllowedAddresses(
        commaSeparated.trim(),
        AddressRanges.parse(String.join(",", cidrs)),
        caller,
        List.copyOf(names),
        List.copyOf(zones));
  }

  /** True when nothing is allowed. */
  public boolean isEmpty() {
    return ranges.isEmpty() && !caller && names.isEmpty() && zones.isEmpty();
  }

  /** Whether the caller's own address is allowed ({@code caller}). */
  public boolean allowsCaller() {
    return caller;
  }

  /** Whether {@code host}, a host name, matches a name or zone pattern. */
  public boolean matchesName(String host) {
    String name = host.toLowerCase(Locale.ROOT);
    if (name.endsWith(".")) {
      name = name.substring(0, name.length() - 1); // the root's dot: the same name
    }
    return names.contains(name) || zones.stream().anyMatch(name::endsWith);
  }

  /**
   * Whether {@code address} lies in a range or, with {@code caller}, is {@code callerAddress}
   * (null: no caller, as at the gateway).
   */
  public boolean allows(InetAddress address, InetAddress callerAddress) {
    return ranges.containsAddress(address) || caller && address.equals(callerAddress);
  }

  /**
   * The first of {@code resolved}, the addresses {@code host} resolved to, that is not allowed;
   * empty when all are, or when the host is a name that matches a pattern.
   */
  public Optional<InetAddress> firstRefused(
      String host, List<InetAddress> resolved, InetAddress callerAddress) {
    if (AddressRanges.literalAddress(host) == null && matchesName(host)) {
      return Optional.empty();
    }
    return resolved.stream().filter(address -> !allows(address, callerAddress)).findFirst();
  }

  /** The setting as written. */
  @Override
  public String toString() {
    return text.isEmpty() ? "nothing" : text;
  }
}
