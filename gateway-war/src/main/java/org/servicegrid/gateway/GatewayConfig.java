package org.servicegrid.gateway;

import static org.servicegrid.protocol.config.InvalidConfigurationException.require;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.servicegrid.gateway.guard.BodyLimits;
import org.servicegrid.protocol.auth.AddressRanges;
import org.servicegrid.protocol.config.InvalidConfigurationException;
import org.servicegrid.protocol.config.Range;
import org.servicegrid.protocol.config.ValidatedConfig;

/**
 * The gateway's settings ({@code gateway.*}), defaults only in {@code META-INF/microprofile-config.properties};
 * durations are milliseconds. Validated once, before the rest of the application starts: a bad value fails the
 * deployment naming its key.
 */
@ApplicationScoped
public class GatewayConfig extends ValidatedConfig {

  /** A Via received-by: a pseudonym token or host[:port]; no spaces or commas, which would split the entry. */
  private static final Pattern VIA_NAME = Pattern.compile("[A-Za-z0-9._-]+(:[0-9]{1,5})?");

  @Inject
  @ConfigProperty(name = "gateway.connect-timeout")
  @Range(min = 1)
  long connectTimeout;

  @Inject
  @ConfigProperty(name = "gateway.response-timeout")
  @Range(min = 1)
  long responseTimeout;

  @Inject
  @ConfigProperty(name = "gateway.read-timeout")
  @Range(min = 1)
  long readTimeout;

  @Inject
  @ConfigProperty(name = "gateway.retries")
  @Range(min = 0, max = 10)
  int retries;

  @Inject
  @ConfigProperty(name = "gateway.max-connections")
  @Range(min = 1, max = 10_000)
  int maxConnections;

  @Inject
  @ConfigProperty(name = "gateway.max-concurrent-per-service")
  int maxConcurrentPerService;

  @Inject
  @ConfigProperty(name = "gateway.retry-after")
  @Range(min = 0, max = 3600)
  int retryAfter;

  @Inject
  @ConfigProperty(name = "gateway.trusted-proxies")
  Optional<String> trustedProxies;

  @Inject
  @ConfigProperty(name = "gateway.via")
  String via;

  @Inject
  @ConfigProperty(name = "gateway.max-header-bytes")
  @Range(min = 1024, max = 1_048_576)
  int maxHeaderBytes;

  @Inject
  @ConfigProperty(name = "gateway.max-body-bytes")
  @Range(min = 0)
  long maxBodyBytes;

  @Inject
  @ConfigProperty(name = "gateway.max-body-bytes.per-service")
  Optional<String> maxBodyBytesPerService;

  @Inject
  @ConfigProperty(name = "gateway.catalog.refresh-period")
  @Range(min = 100)
  long refreshPeriod;

  @Inject
  @ConfigProperty(name = "gateway.catalog.retry-delay")
  @Range(min = 100)
  long retryDelay;

  @Inject
  @ConfigProperty(name = "gateway.catalog.miss-refresh-rate")
  @Range(min = 1)
  int missRefreshRate;

  private AddressRanges trusted;
  private BodyLimits bodyLimits;

  @Override
  public void validate() {
    super.validate();
    require(maxConcurrentPerService >= 1 && maxConcurrentPerService <= maxConnections,
        "gateway.max-concurrent-per-service", maxConcurrentPerService,
        "must be between 1 and gateway.max-connections (" + maxConnections + ")");
    require(VIA_NAME.matcher(via).matches(), "gateway.via", via,
        "must be a token or host[:port] (letters, digits, '.', '-', '_', ':')");
    try {
      trusted = AddressRanges.parse(trustedProxies.orElse(""));
    } catch (IllegalArgumentException e) {
      throw new InvalidConfigurationException("gateway.trusted-proxies", trustedProxies.orElse(""), e.getMessage());
    }
    try {
      bodyLimits = BodyLimits.parse(maxBodyBytes, maxBodyBytesPerService.orElse(""));
    } catch (IllegalArgumentException e) {
      throw new InvalidConfigurationException("gateway.max-body-bytes.per-service",
          maxBodyBytesPerService.orElse(""), e.getMessage());
    }
  }

  public Duration connectTimeout() {
    return Duration.ofMillis(connectTimeout);
  }

  public Duration responseTimeout() {
    return Duration.ofMillis(responseTimeout);
  }

  public Duration readTimeout() {
    return Duration.ofMillis(readTimeout);
  }

  public int retries() {
    return retries;
  }

  public int maxConnections() {
    return maxConnections;
  }

  public int maxConcurrentPerService() {
    return maxConcurrentPerService;
  }

  /** Seconds, for the {@code Retry-After} of a request refused because its service is at its limit. */
  public int retryAfter() {
    return retryAfter;
  }

  public AddressRanges trustedProxies() {
    return trusted;
  }

  /** The pseudonym this gateway adds to {@code Via}, and recognises there as a loop. */
  public String via() {
    return via;
  }

  public int maxHeaderBytes() {
    return maxHeaderBytes;
  }

  /** The largest request body forwarded to this service, in bytes. */
  public long maxBodyBytes(String service) {
    return bodyLimits.of(service);
  }

  public Duration refreshPeriod() {
    return Duration.ofMillis(refreshPeriod);
  }

  public Duration retryDelay() {
    return Duration.ofMillis(retryDelay);
  }

  public int missRefreshRate() {
    return missRefreshRate;
  }
}
