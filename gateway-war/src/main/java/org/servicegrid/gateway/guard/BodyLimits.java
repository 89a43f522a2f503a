package org.servicegrid.gateway.guard;

import java.util.HashMap;
import java.util.Map;

/**
 * The largest request body the gateway forwards to each service: one default ({@code
 * gateway.max-body-bytes}) and per-service exceptions ({@code gateway.max-body-bytes.per-service},
 * {@code name=bytes,name=bytes}), e.g. a higher one for an upload service. Immutable; a lookup is
 * one map read.
 */
public final class BodyLimits {

  private final long defaultLimit;
  private final Map<String, Long> perService;

  private BodyLimits(long defaultLimit, Map<String, Long> perService) {
    this.defaultLimit = defaultLimit;
    this.perService = perService;
  }

  /**
   * @param defaultLimit bytes, for every service not listed
   * @param perService {@code name=bytes} entries separated by commas; blank for none
   * @throws IllegalArgumentException naming the entry that is not {@code name=bytes} with bytes >=
   *     0
   */
  public static BodyLimits parse(long defaultLimit, String perService) {
    Map<String, Long> limits = new HashMap<>();
    for (String entry : perService.split(",")) {
      if (entry.isBlank()) {
        continue;
      }
      int equals = entry.indexOf('=');
      String name = equals < 0 ? "" : entry.substring(0, equals).trim();
      long bytes;
      try {
        bytes = equals < 0 ? -1 : Long.parseLong(entry.substring(equals + 1).trim());
      } catch (NumberFormatException e) {
        bytes = -1;
      }
      if (name.isEmpty() || bytes < 0) {
        throw new IllegalArgumentException(
            "'" + entry.trim() + "' is not service=bytes with bytes >= 0");
      }
      limits.put(name, bytes);
    }
    return new BodyLimits(defaultLimit, Map.copyOf(limits));
  }

  /** The limit for requests to this service, in bytes. */
  public long of(String service) {
    Long limit = perService.get(service);
    return limit == null ? defaultLimit : limit;
  }
}
