package org.servicegrid.gateway;

import static org.servicegrid.protocol.config.InvalidConfigurationException.require;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.servicegrid.gateway.guard.BodyLimits;
import org.servicegrid.gateway.guard.TrustedProxies;
import org.servicegrid.protocol.config.InvalidConfigurationException;

/**
 * The gateway's settings ({@code gateway.*}), defaults only in {@code META-INF/microprofile-config.properties};
 * durations are milliseconds. Validated once, before the rest of the application starts: a bad value fails the
 * deployment naming its key.
 */
@ApplicationScoped
public class GatewayConfig {

  /** A Via received-by: a pseudonym token or host[:port]; no spaces or commas, which would split the entry. */
  private static final Pattern VIA_NAME = Pattern.compile("[A-Za-z0-9._-]+(:[0-9]{1,5})?");

  @Inject
  @ConfigProperty(name = "gateway.connect-timeout")
  long connectTimeout;

  @Inject
  @ConfigProperty(name = "gateway.response-timeout")
  long responseTimeout;

  @Inject
  @ConfigProperty(name = "gateway.read-timeout")
  long readTimeout;

  @Inject
  @ConfigProperty(name = "gateway.retries")
  int retries;

  @Inject
  @ConfigProperty(name = "gateway.max-connections")
  int maxConnections;

  @Inject
  @ConfigProperty(name = "gateway.max-concurrent-per-service")
  int maxConcurrentPerService;

  @Inject
  @ConfigProperty(name = "gateway.retry-after")
  int retryAfter;

  @Inject
  @ConfigProperty(name = "gateway.trusted-proxies")
  Optional<String> trustedProxies;

  @Inject
  @ConfigProperty(name = "gateway.via")
  String via;

  @Inject
  @ConfigProperty(name = "gateway.max-header-bytes")
  int maxHeaderBytes;

  @Inject
  @ConfigProperty(name = "gateway.max-body-bytes")
  long maxBodyBytes;

  @Inject
  @ConfigProperty(name = "gateway.max-body-bytes.per-service")
  Optional<String> maxBodyBytesPerService;

  @Inject
  @ConfigProperty(name = "gateway.catalog.refresh-period")
  long refreshPeriod;

  @Inject
  @ConfigProperty(name = "gateway.catalog.retry-delay")
  long retryDelay;

  @Inject
  @ConfigProperty(name = "gateway.catalog.miss-refresh-rate")
  int missRefreshRate;

  private TrustedProxies trusted;
  private BodyLimits bodyLimits;

  /** Creates this bean, and so validates it, before any other part of the application observes the start. */
  void onStart(
      @Observes @Priority(Interceptor.Priority.LIBRARY_BEFORE) @Initialized(ApplicationScoped.class) Object event) {
    // the bean's creation is the point
  }

  @PostConstruct
  void validate() {
    require(connectTimeout > 0, "gateway.connect-timeout", connectTimeout, "must be positive");
    require(responseTimeout > 0, "gateway.response-timeout", responseTimeout, "must be positive");
    require(readTimeout > 0, "gateway.read-timeout", readTimeout, "must be positive");
    require(retries >= 0 && retries <= 10, "gateway.retries", retries, "must be between 0 and 10");
    require(maxConnections >= 1 && maxConnections <= 10_000, "gateway.max-connections", maxConnections,
        "must be between 1 and 10000");
    require(maxConcurrentPerService >= 1 && maxConcurrentPerService <= maxConnections,
        "gateway.max-concurrent-per-service", maxConcurrentPerService,
        "must be between 1 and gateway.max-connections (" + maxConnections + ")");
    require(retryAfter >= 0 && retryAfter <= 3600, "gateway.retry-after", retryAfter, "must be between 0 and 3600");
    require(VIA_NAME.matcher(via).matches(), "gateway.via", via,
        "must be a token or host[:port] (letters, digits, '.', '-', '_', ':')");
    require(maxHeaderBytes >= 1024 && maxHeaderBytes <= 1_048_576, "gateway.max-header-bytes", maxHeaderBytes,
        "must be between 1024 and 1048576");
    require(maxBodyBytes >= 0, "gateway.max-body-bytes", maxBodyBytes, "must not be negative");
    try {
      trusted = TrustedProxies.parse(trustedProxies.orElse(""));
    } catch (IllegalArgumentException e) {
      throw new InvalidConfigurationException("gateway.trusted-proxies", trustedProxies.orElse(""), e.getMessage());
    }
    try {
      bodyLimits = BodyLimits.parse(maxBodyBytes, maxBodyBytesPerService.orElse(""));
    } catch (IllegalArgumentException e) {
      throw new InvalidConfigurationException("gateway.max-body-bytes.per-service",
          maxBodyBytesPerService.orElse(""), e.getMessage());
    }
    require(refreshPeriod >= 100, "gateway.catalog.refresh-period", refreshPeriod, "must be at least 100");
    require(retryDelay >= 100, "gateway.catalog.retry-delay", retryDelay, "must be at least 100");
    require(missRefreshRate >= 1, "gateway.catalog.miss-refresh-rate", missRefreshRate, "must be at least 1");
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

  public TrustedProxies trustedProxies() {
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
