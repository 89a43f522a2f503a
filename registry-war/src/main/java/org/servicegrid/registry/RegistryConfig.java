package org.servicegrid.registry;

import static org.servicegrid.protocol.config.InvalidConfigurationException.require;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.servicegrid.protocol.auth.AddressRanges;
import org.servicegrid.protocol.auth.BearerAuthorization;
import org.servicegrid.protocol.auth.Pem;

/**
 * The registry's settings ({@code registry.*}), defaults only in {@code META-INF/microprofile-config.properties};
 * durations are milliseconds. Validated once, before the rest of the application starts: a bad value fails the
 * deployment naming its key.
 */
@ApplicationScoped
public class RegistryConfig {

  @Inject
  @ConfigProperty(name = "registry.heartbeat.period")
  long heartBeatPeriod;

  @Inject
  @ConfigProperty(name = "registry.heartbeat.attempts")
  int heartBeatAttempts;

  @Inject
  @ConfigProperty(name = "registry.heartbeat.retry-pause")
  long heartBeatRetryPause;

  @Inject
  @ConfigProperty(name = "registry.heartbeat.connect-timeout")
  long heartBeatConnectTimeout;

  @Inject
  @ConfigProperty(name = "registry.heartbeat.read-timeout")
  long heartBeatReadTimeout;

  @Inject
  @ConfigProperty(name = "registry.heartbeat.parallelism")
  int heartBeatParallelism;

  @Inject
  @ConfigProperty(name = "registry.notify.connect-timeout")
  long notifyConnectTimeout;

  @Inject
  @ConfigProperty(name = "registry.notify.read-timeout")
  long notifyReadTimeout;

  @Inject
  @ConfigProperty(name = "registry.notify.queue-capacity")
  int notifyQueueCapacity;

  @Inject
  @ConfigProperty(name = "registry.notify.max-connections")
  int notifyMaxConnections;

  @Inject
  @ConfigProperty(name = "registry.notify.threads")
  int notifyThreads;

  @Inject
  @ConfigProperty(name = "registry.table.max-idle-services")
  int maxIdleServices;

  @Inject
  @ConfigProperty(name = "registry.events.capacity")
  int eventsCapacity;

  @Inject
  @ConfigProperty(name = "registry.auth.enabled")
  boolean authEnabled;

  @Inject
  @ConfigProperty(name = "registry.auth.issuer")
  String authIssuer;

  /** No default: the server configuration points it at the key the operator's credentials came with. */
  @Inject
  @ConfigProperty(name = "registry.auth.public-key-file")
  Optional<String> authPublicKeyFile;

  @Inject
  @ConfigProperty(name = "registry.auth.token-file")
  Optional<String> authTokenFile;

  /** Optional because MicroProfile Config treats the empty list, the default, as not set. */
  @Inject
  @ConfigProperty(name = "registry.auth.anonymous-from")
  Optional<String> authAnonymousFrom;

  private RSAPublicKey authPublicKey;
  private AddressRanges anonymousFrom;
  private String authToken;

  /** Creates this bean, and so validates it, before any other part of the application observes the start. */
  void onStart(
      @Observes @Priority(Interceptor.Priority.LIBRARY_BEFORE) @Initialized(ApplicationScoped.class) Object event) {
    // the bean's creation is the point
  }

  @PostConstruct
  void validate() {
    require(heartBeatPeriod > 0, "registry.heartbeat.period", heartBeatPeriod, "must be positive");
    require(heartBeatAttempts >= 1, "registry.heartbeat.attempts", heartBeatAttempts, "must be at least 1");
    require(heartBeatRetryPause >= 0, "registry.heartbeat.retry-pause", heartBeatRetryPause, "must not be negative");
    require(heartBeatConnectTimeout > 0, "registry.heartbeat.connect-timeout", heartBeatConnectTimeout,
        "must be positive");
    require(heartBeatReadTimeout > 0, "registry.heartbeat.read-timeout", heartBeatReadTimeout, "must be positive");
    require(heartBeatParallelism >= 1, "registry.heartbeat.parallelism", heartBeatParallelism, "must be at least 1");
    require(notifyConnectTimeout > 0, "registry.notify.connect-timeout", notifyConnectTimeout, "must be positive");
    require(notifyReadTimeout > 0, "registry.notify.read-timeout", notifyReadTimeout, "must be positive");
    require(notifyQueueCapacity >= 1, "registry.notify.queue-capacity", notifyQueueCapacity, "must be at least 1");
    require(notifyMaxConnections >= 1, "registry.notify.max-connections", notifyMaxConnections,
        "must be at least 1");
    require(notifyThreads >= 1, "registry.notify.threads", notifyThreads, "must be at least 1");
    require(maxIdleServices >= 0, "registry.table.max-idle-services", maxIdleServices, "must not be negative");
    require(eventsCapacity >= 1, "registry.events.capacity", eventsCapacity, "must be at least 1");
    validateAuth();
  }

  private void validateAuth() {
    require(!authIssuer.isBlank(), "registry.auth.issuer", authIssuer, "must not be empty");
    try {
      anonymousFrom = AddressRanges.parse(authAnonymousFrom.orElse(""));
    } catch (IllegalArgumentException e) {
      require(false, "registry.auth.anonymous-from", authAnonymousFrom.orElse(""), "must be CIDR ranges: "
          + e.getMessage());
    }
    if (authEnabled) {
      String file = authPublicKeyFile.orElse("");
      require(!file.isEmpty(), "registry.auth.public-key-file", file,
          "must name the PEM public key that verifies tokens (or set registry.auth.enabled=false)");
      try {
        authPublicKey = Pem.publicKey(Path.of(file));
      } catch (Exception e) {
        require(false, "registry.auth.public-key-file", file, "must be a readable PEM RSA public key (" + e + ")");
      }
    }
    String tokenFile = authTokenFile.orElse("");
    require(tokenFile.isEmpty() || Files.isReadable(Path.of(tokenFile)), "registry.auth.token-file", tokenFile,
        "must be a readable file holding the registry's token");
    authToken = tokenFile.isEmpty() ? null : BearerAuthorization.readToken(Path.of(tokenFile));
  }

  public Duration heartBeatPeriod() {
    return Duration.ofMillis(heartBeatPeriod);
  }

  public int heartBeatAttempts() {
    return heartBeatAttempts;
  }

  public Duration heartBeatRetryPause() {
    return Duration.ofMillis(heartBeatRetryPause);
  }

  public Duration heartBeatConnectTimeout() {
    return Duration.ofMillis(heartBeatConnectTimeout);
  }

  public Duration heartBeatReadTimeout() {
    return Duration.ofMillis(heartBeatReadTimeout);
  }

  public int heartBeatParallelism() {
    return heartBeatParallelism;
  }

  public Duration notifyConnectTimeout() {
    return Duration.ofMillis(notifyConnectTimeout);
  }

  public Duration notifyReadTimeout() {
    return Duration.ofMillis(notifyReadTimeout);
  }

  public int notifyQueueCapacity() {
    return notifyQueueCapacity;
  }

  public int notifyMaxConnections() {
    return notifyMaxConnections;
  }

  public int notifyThreads() {
    return notifyThreads;
  }

  public int maxIdleServices() {
    return maxIdleServices;
  }

  public int eventsCapacity() {
    return eventsCapacity;
  }

  public boolean authEnabled() {
    return authEnabled;
  }

  public String authIssuer() {
    return authIssuer;
  }

  /** The key that verifies tokens; null when authentication is off. */
  public RSAPublicKey authPublicKey() {
    return authPublicKey;
  }

  public AddressRanges authAnonymousFrom() {
    return anonymousFrom;
  }

  public String authAnonymousFromText() {
    return authAnonymousFrom.filter(text -> !text.isBlank()).orElse("nowhere");
  }

  /** The registry's own token (sent with its notices), when {@code registry.auth.token-file} is set. */
  public Optional<String> authToken() {
    return Optional.ofNullable(authToken);
  }
}
