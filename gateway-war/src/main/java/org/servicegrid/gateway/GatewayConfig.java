package org.servicegrid.gateway;

import static org.servicegrid.protocol.config.InvalidConfigurationException.require;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.regex.Pattern;
import org.servicegrid.gateway.catalog.CatalogSettings;
import org.servicegrid.gateway.catalog.canary.CanaryRules;
import org.servicegrid.gateway.catalog.canary.CanarySettings;
import org.servicegrid.gateway.guard.BodyLimits;
import org.servicegrid.gateway.guard.LimitSettings;
import org.servicegrid.gateway.proxy.ForwardingSettings;
import org.servicegrid.gateway.proxy.UpstreamSettings;
import org.servicegrid.protocol.auth.AddressRanges;
import org.servicegrid.protocol.config.ConfigKeys;
import org.servicegrid.protocol.config.ValidatedConfig;

/**
 * The gateway's settings ({@code gateway.*}), read once into the records it produces for the beans
 * that use them; defaults only in {@code META-INF/microprofile-config.properties}, durations in
 * milliseconds. Validated once, before the rest of the application starts: a bad value fails the
 * deployment naming its key.
 */
@ApplicationScoped
public class GatewayConfig extends ValidatedConfig {

  /**
   * A Via received-by: a pseudonym token or host[:port]; no spaces or commas, which would split the
   * entry.
   */
  private static final Pattern VIA_NAME = Pattern.compile("[A-Za-z0-9._-]+(:[0-9]{1,5})?");

  /** An HTTP field name: an RFC 9110 token. */
  private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]+");

  @Produces UpstreamSettings upstream;
  @Produces ForwardingSettings forwarding;
  @Produces LimitSettings limits;
  @Produces CatalogSettings catalog;
  @Produces CanarySettings canary;

  @Override
  public void validate() {
    ConfigKeys gateway = keys("gateway");
    int maxConnections = gateway.integer("max-connections", 1, 10_000);
    upstream =
        new UpstreamSettings(
            gateway.millis("connect-timeout", 1),
            gateway.millis("response-timeout", 1),
            gateway.millis("read-timeout", 1),
            maxConnections,
            gateway.integer("retries", 0, 10),
            gateway.allowedAddresses("allowed-upstreams", false));
    String via = gateway.text("via");
    require(
        VIA_NAME.matcher(via).matches(),
        gateway.key("via"),
        via,
        "must be a token or host[:port] (letters, digits, '.', '-', '_', ':')");
    forwarding =
        new ForwardingSettings(gateway.parsed("trusted-proxies", "", AddressRanges::parse), via);
    int perService = gateway.integer("max-concurrent-per-service");
    require(
        perService >= 1 && perService <= maxConnections,
        gateway.key("max-concurrent-per-service"),
        perService,
        "must be between 1 and gateway.max-connections (" + maxConnections + ")");
    long maxBody = gateway.number("max-body-bytes", 0);
    limits =
        new LimitSettings(
            perService,
            gateway.integer("retry-after", 0, 3600),
            gateway.integer("max-header-bytes", 1024, 1_048_576),
            gateway.parsed(
                "max-body-bytes.per-service", "", list -> BodyLimits.parse(maxBody, list)));
    catalog =
        new CatalogSettings(
            gateway.millis("catalog.refresh-period", 100),
            gateway.millis("catalog.retry-delay", 100),
            gateway.integer("catalog.miss-refresh-rate", 1));
    canary = readCanary(gateway);
  }

  private static CanarySettings readCanary(ConfigKeys gateway) {
    String fallback = gateway.text("canary.fallback");
    require(
        fallback.equals("true") || fallback.equals("false"),
        gateway.key("canary.fallback"),
        fallback,
        "must be true (other instances) or false (503)");
    String header = gateway.text("version-header");
    require(
        FIELD_NAME.matcher(header).matches(),
        gateway.key("version-header"),
        header,
        "must be an HTTP header name");
    return new CanarySettings(
        gateway.parsed("canary", "", CanaryRules::parse),
        Boolean.parseBoolean(fallback),
        header,
        gateway.parsed("version-header.allowed-from", "", AddressRanges::parse));
  }
}
