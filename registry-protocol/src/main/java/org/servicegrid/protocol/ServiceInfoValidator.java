package org.servicegrid.protocol;

import java.util.regex.Pattern;

/**
 * The protocol's rules for a ServiceInfo: a non-empty name of letters, digits, {@code - _ .}; an
 * address of the form {@code host:port} with no scheme and no path; required services that are
 * themselves valid names.
 */
public final class ServiceInfoValidator {

  public static final int MAX_NAME_LENGTH = 128;
  public static final int MAX_REQUIRED_SERVICES = 256;

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1," + MAX_NAME_LENGTH + "}");

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
