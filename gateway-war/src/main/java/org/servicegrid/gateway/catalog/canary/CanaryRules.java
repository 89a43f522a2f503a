package org.servicegrid.gateway.catalog.canary;

import java.util.HashMap;
import java.util.Map;
import org.servicegrid.protocol.InvalidRequestException;
import org.servicegrid.protocol.ServiceInfo;
import org.servicegrid.protocol.ServiceInfoValidator;

/**
 * The canary rules of {@code gateway.canary}: comma-separated {@code service=version@percent}
 * entries, e.g. {@code visit=2.0@10}, at most one per service. One key rather than one per service,
 * so an environment variable ({@code GATEWAY_CANARY}) can set every rule, as for {@code
 * gateway.max-body-bytes.per-service}. Immutable.
 */
public final class CanaryRules {

  public static final CanaryRules NONE = new CanaryRules(Map.of());

  private final Map<String, CanaryRule> byService;

  private CanaryRules(Map<String, CanaryRule> byService) {
    this.byService = byService;
  }

  /**
   * @param entries {@code service=version@percent} entries separated by commas; blank for none
   * @throws IllegalArgumentException naming the entry that is not one, or a service named twice
   */
  public static CanaryRules parse(String entries) {
    Map<String, CanaryRule> rules = new HashMap<>();
    for (String entry : entries.split(",")) {
      if (entry.isBlank()) {
        continue;
      }
      String text = entry.trim();
      int equals = text.indexOf('=');
      int at = text.lastIndexOf('@');
      if (equals < 1 || at < equals + 2) {
        throw new IllegalArgumentException("'" + text + "' is not service=version@percent");
      }
      String service = text.substring(0, equals).trim();
      String version = text.substring(equals + 1, at).trim();
      if (!ServiceInfoValidator.isValidName(service)) {
        throw new IllegalArgumentException(
            "'" + service + "' in '" + text + "' is no service name");
      }
      requireVersion(version, text);
      if (rules.put(service, new CanaryRule(version, percent(text.substring(at + 1), text)))
          != null) {
        throw new IllegalArgumentException("service '" + service + "' has more than one rule");
      }
    }
    return rules.isEmpty() ? NONE : new CanaryRules(Map.copyOf(rules));
  }

  /** The service's rule, or null when it has none. */
  public CanaryRule of(String service) {
    return byService.get(service);
  }

  public boolean isEmpty() {
    return byService.isEmpty();
  }

  public Map<String, CanaryRule> byService() {
    return byService;
  }

  private static void requireVersion(String version, String entry) {
    try {
      ServiceInfoValidator.validateMetaPair(ServiceInfo.VERSION, version);
    } catch (InvalidRequestException e) {
      throw new IllegalArgumentException("'" + entry + "': " + e.getMessage());
    }
    if (version.isEmpty()) {
      throw new IllegalArgumentException("'" + entry + "' names no version");
    }
  }

  private static int percent(String text, String entry) {
    try {
      int percent = Integer.parseInt(text.trim());
      if (percent >= 0 && percent <= 100) {
        return percent;
      }
    } catch (NumberFormatException e) {
      // the message below says what is wanted
    }
    throw new IllegalArgumentException(
        "'" + entry + "' has no whole percentage from 0 to 100 after '@'");
  }
}
