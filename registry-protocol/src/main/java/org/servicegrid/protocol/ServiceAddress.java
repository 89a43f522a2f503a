package org.servicegrid.protocol;

import java.util.regex.Pattern;

/**
 * A validated {@code host:port} address: a DNS name, an IPv4 literal or a bracketed IPv6 literal,
 * and a port in 1..65535. No scheme, no path, no user info: the registry builds {@code
 * http://{Addr}/...} from it, so anything else would let a registrant steer the registry's requests
 * to unintended URLs.
 */
public record ServiceAddress(String host, int port) {

  private static final Pattern HOST_NAME =
      Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,62})?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,62})?)*");
  private static final Pattern IPV6 = Pattern.compile("\\[[0-9A-Fa-f:.]{2,45}]");

  public static ServiceAddress parse(String addr) {
    if (addr == null || addr.isEmpty()) {
      throw new InvalidRequestException("Addr is required (host:port)");
    }
    int colon = addr.lastIndexOf(':');
    if (colon <= 0 || colon == addr.length() - 1) {
      throw bad(addr, "expected host:port");
    }
    String host = addr.substring(0, colon);
    String port = addr.substring(colon + 1);
    if (!(HOST_NAME.matcher(host).matches() && host.length() <= 253)
        && !IPV6.matcher(host).matches()) {
      throw bad(addr, "host must be a host name or an IP address, without scheme or path");
    }
    if (!port.chars().allMatch(Character::isDigit) || port.length() > 5) {
      throw bad(addr, "port must be a number");
    }
    int number = Integer.parseInt(port);
    if (number < 1 || number > 65535) {
      throw bad(addr, "port must be between 1 and 65535");
    }
    return new ServiceAddress(host, number);
  }

  public static boolean isValid(String addr) {
    try {
      parse(addr);
      return true;
    } catch (InvalidRequestException e) {
      return false;
    }
  }

  private static InvalidRequestException bad(String addr, String why) {
    return new InvalidRequestException(
        "Addr '" + ServiceInfoValidator.abbreviate(addr) + "' is not a valid address: " + why);
  }
}
