package org.servicegrid.protocol;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * The protocol's rules for a ServiceInfo: a non-empty name of letters, digits, {@code - _ .}; an
 * address of the form {@code host:port} with no scheme and no path; required services that are
 * themselves valid names; Meta within Consul's limits (at most 64 pairs, keys of 1 to 128 letters,
 * digits, {@code _ -}, values of at most 512 characters, counted as Java counts them: UTF-16 code
 * units) with a {@code weight}, when given, an integer from 1 to 1000.
 */
public final class ServiceInfoValidator {

  public static final int MAX_NAME_LENGTH = 128;
  public static final int MAX_REQUIRED_SERVICES = 256;

  public static final int MAX_META_PAIRS = 64;
  public static final int MAX_META_KEY_LENGTH = 128;
  public static final int MAX_META_VALUE_LENGTH = 512;
  public static final int MAX_WEIGHT = 1000;

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1," + MAX_NAME_LENGTH + "}");
  private static final Pattern META_KEY =
      Pattern.compile("[A-Za-z0-9_-]{1," + MAX_META_KEY_LENGTH + "}");

  /** Digits without a sign or leading zero: one way to write each weight. */
  private static final Pattern WEIGHT = Pattern.compile("[1-9][0-9]{0,3}");

  private ServiceInfoValidator() {}

  public static void validate(ServiceInfo info) {
    requireName("Name", info.name());
    if (info.addr() == null || info.addr().isEmpty()) {
      throw new InvalidRequestException("Addr is required (host:port)");
    }
    ServiceAddress.parse(info.addr());
    if (info.requiredServices().size() > MAX_REQUIRED_SERVICES) {
      throw new InvalidRequestException(
          "RequiredServices lists more than " + MAX_REQUIRED_SERVICES + " names");
    }
    for (String required : info.requiredServices()) {
      requireName("RequiredServices entry", required);
    }
    validateMeta(info.meta());
  }

  /** Meta's limits: the number of pairs, then each pair ({@link #validateMetaPair}). */
  public static void validateMeta(Map<String, String> meta) {
    if (meta.size() > MAX_META_PAIRS) {
      throw new InvalidRequestException(
          "Meta has " + meta.size() + " pairs; at most " + MAX_META_PAIRS + " are allowed");
    }
    meta.forEach(ServiceInfoValidator::validateMetaPair);
  }

  /**
   * One Meta pair: the key's characters and length, the value's length, and the known keys' values
   * (a {@code weight} is an integer from 1 to 1000).
   */
  public static void validateMetaPair(String key, String value) {
    if (key == null || !META_KEY.matcher(key).matches()) {
      throw new InvalidRequestException(
          "Meta key '"
              + abbreviate(String.valueOf(key))
              + "' must be 1 to "
              + MAX_META_KEY_LENGTH
              + " letters, digits, '_' or '-'");
    }
    if (value == null) {
      throw new InvalidRequestException("Meta value of '" + key + "' must be a string");
    }
    if (value.length() > MAX_META_VALUE_LENGTH) {
      throw new InvalidRequestException(
          "Meta value of '"
              + key
              + "' has "
              + value.length()
              + " characters; at most "
              + MAX_META_VALUE_LENGTH
              + " are allowed");
    }
    if (key.equals(ServiceInfo.WEIGHT) && !isValidWeight(value)) {
      throw new InvalidRequestException(
          "Meta weight '"
              + abbreviate(value)
              + "' must be an integer from "
              + ServiceInfo.DEFAULT_WEIGHT
              + " to "
              + MAX_WEIGHT);
    }
  }

  /** An integer from 1 to 1000, written without sign or leading zero. */
  public static boolean isValidWeight(String weight) {
    return WEIGHT.matcher(weight).matches() && Integer.parseInt(weight) <= MAX_WEIGHT;
  }

  public static boolean isValidName(String name) {
    return name != null && NAME.matcher(name).matches();
  }

  private static void requireName(String field, String name) {
    if (name == null || name.isEmpty()) {
      throw new InvalidRequestException(field + " is required");
    }
    if (!isValidName(name)) {
      throw new InvalidRequestException(
          field
              + " '"
              + abbreviate(name)
              + "' may contain only letters, digits, '-', '_' and '.' (max "
              + MAX_NAME_LENGTH
              + ")");
    }
  }

  static String abbreviate(String value) {
    return value.length() <= 64 ? value : value.substring(0, 64) + "...";
  }
}
