package org.servicegrid.log;

import org.servicegrid.protocol.CallerHeader;
import org.servicegrid.protocol.InvalidRequestException;
import org.servicegrid.protocol.ServiceInfoValidator;

/**
 * The calling service's name from the {@code X-Service-Name} header (sent by the registry client
 * library). It goes into the line unescaped, so it must be a valid service name: anything else
 * could forge columns.
 */
final class CallerName {

  private CallerName() {}

  /** The name, or null when the header is absent or blank; a malformed name is a 400. */
  static String of(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    String name = header.strip();
    if (!ServiceInfoValidator.isValidName(name)) {
      throw new InvalidRequestException(
          CallerHeader.NAME + " must be a service name (letters, digits, '-', '_', '.')");
    }
    return name;
  }
}
