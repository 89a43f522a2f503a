package org.servicegrid.registry.table;

import java.util.List;

/**
 * The registrations at one address, which one heart-beat answers for: {@code GET
 * http://{address}/heart-beat} is the same call for every service registered there. The list is a
 * snapshot that the table never changes.
 */
public record AddressRegistrations(String address, List<Registration> registrations) {

  public AddressRegistrations {
    registrations = List.copyOf(registrations);
  }
}
