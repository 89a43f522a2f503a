package org.servicegrid.gateway.catalog.canary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import org.servicegrid.client.Versions;
import org.servicegrid.protocol.InvalidRequestException;
import org.servicegrid.protocol.ServiceInfo;
import org.servicegrid.protocol.ServiceInfoValidator;

/**
 * Which instance versions a request may go to: the version a tester's header asks for (from an
 * allowed address only; from anyone else the header is ignored), else the canary's version for the
 * rule's share of the service's requests and every other version for the rest, else any. The share
 * is spread evenly by a counter per rule (request {@code n} goes to the canary when {@code n *
 * percent mod 100 < percent}), so 10 % is exactly 1 request in 10 rather than 10 % on average, and
 * a request without header or rule costs one map read.
 */
@ApplicationScoped
public class VersionRouting {

  /** A rule's two groups and its counter, built once. */
  private record Split(int percent, Versions canary, Versions others, AtomicLong requests) {

    Versions next() {
      return Math.floorMod(requests.getAndIncrement() * percent, 100) < percent ? canary : others;
    }
  }

  @Inject CanarySettings settings;

  private final Map<String, Split> splits = new HashMap<>();

  VersionRouting() {}

  VersionRouting(CanarySettings settings) {
    this.settings = settings;
    init();
  }

  @PostConstruct
  void init() {
    settings
        .rules()
        .byService()
        .forEach(
            (service, rule) ->
                splits.put(
                    service,
                    new Split(
                        rule.percent(),
                        Versions.only(rule.version()),
                        Versions.except(rule.version()),
                        new AtomicLong())));
  }

  /**
   * The versions a request may go to.
   *
   * @param headers the request's header values by name (the first of each)
   * @param client the address of the client that sent the request
   * @throws InvalidRequestException when an allowed caller's header names no valid version
   */
  public Versions of(String service, UnaryOperator<String> headers, String client) {
    if (!settings.headerAllowedFrom().isEmpty()) {
      String asked = headers.apply(settings.header());
      if (asked != null && !asked.isEmpty() && settings.headerAllowedFrom().contains(client)) {
        return Versions.only(validVersion(asked));
      }
    }
    Split split = splits.get(service);
    return split == null ? Versions.ANY : split.next();
  }

  /** Whether a request may go to other instances when none of the version it was meant for is. */
  public boolean fallsBack(Versions versions) {
    return !versions.matching() || settings.fallback();
  }

  private String validVersion(String asked) {
    try {
      ServiceInfoValidator.validateMetaPair(ServiceInfo.VERSION, asked);
      return asked;
    } catch (InvalidRequestException e) {
      throw new InvalidRequestException(settings.header() + ": " + e.getMessage());
    }
  }
}
