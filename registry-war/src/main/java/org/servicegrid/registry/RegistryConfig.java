package org.servicegrid.registry;

import static org.servicegrid.protocol.config.InvalidConfigurationException.require;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.servicegrid.protocol.Transport;
import org.servicegrid.protocol.auth.AddressRanges;
import org.servicegrid.protocol.auth.BearerAuthorization;
import org.servicegrid.protocol.auth.Pem;
import org.servicegrid.protocol.config.Range;
import org.servicegrid.protocol.config.ValidatedConfig;
import org.servicegrid.registry.cluster.ClusterSettings;

/**
 * The registry's settings ({@code registry.*}), defaults only in {@code META-INF/microprofile-config.properties};
 * durations are milliseconds. Validated once, before the rest of the application starts: a bad value fails the
 * deployment naming its key.
 */
@ApplicationScoped
public class RegistryConfig extends ValidatedConfig {

  @Inject
  @ConfigProperty(name = "registry.heartbeat.period")
  @Range(min = 1)
  long heartBeatPeriod;

  @Inject
  @ConfigProperty(name = "registry.heartbeat.attempts")
  @Range(min = 1)
  int heartBeatAttempts;

  @Inject
  @ConfigProperty(name = "registry.heartbeat.retry-pause")
  @Range(min = 0)
  long heartBeatRetryPause;

  @Inject
  @ConfigProperty(name = "registry.heartbeat.connect-timeout")
  @Range(min = 1)
  long heartBeatConnectTimeout;

  @Inject
  @ConfigProperty(name = "registry.heartbeat.read-timeout")
  @Range(min = 1)
  long heartBeatReadTimeout;

  @Inject
  @ConfigProperty(name = "registry.heartbeat.parallelism")
  @Range(min = 1)
  int heartBeatParallelism;

  @Inject
  @ConfigProperty(name = "registry.notify.connect-timeout")
  @Range(min = 1)
  long notifyConnectTimeout;

  @Inject
  @ConfigProperty(name = "registry.notify.read-timeout")
  @Range(min = 1)
  long notifyReadTimeout;

  @Inject
  @ConfigProperty(name = "registry.notify.queue-capacity")
  @Range(min = 1)
  int notifyQueueCapacity;

  @Inject
  @ConfigProperty(name = "registry.notify.max-connections")
  @Range(min = 1)
  int notifyMaxConnections;

  @Inject
  @ConfigProperty(name = "registry.notify.threads")
  @Range(min = 1)
  int notifyThreads;

  @Inject
  @ConfigProperty(name = "registry.table.max-idle-services")
  @Range(min = 0)
  int maxIdleServices;

  @Inject
  @ConfigProperty(name = "registry.limits.max-instances-per-service")
  @Range(min = 1)
  int maxInstancesPerService;

  @Inject
  @ConfigProperty(name = "registry.limits.max-services")
  @Range(min = 1)
  int maxServices;

  @Inject
  @ConfigProperty(name = "registry.events.capacity")
  @Range(min = 1)
  int eventsCapacity;

  @Inject
  @ConfigProperty(name = "registry.cluster.name")
  String clusterName;

  @Inject
  @ConfigProperty(name = "registry.cluster.host")
  String clusterHost;

  @Inject
  @ConfigProperty(name = "registry.cluster.port")
  @Range(min = 1, max = 65535)
  int clusterPort;

  /** Empty (the default) for a single node. */
  @Inject
  @ConfigProperty(name = "registry.cluster.members")
  Optional<String> clusterMembers;

  @Inject
  @ConfigProperty(name = "registry.cluster.member-timeout")
  @Range(min = 1)
  long clusterMemberTimeout;

  @Inject
  @ConfigProperty(name = "registry.cluster.write-timeout")
  @Range(min = 1)
  long clusterWriteTimeout;

  @Inject
  @ConfigProperty(name = "registry.auth.enabled")
  boolean authEnabled;

  /** Read by Liberty's MicroProfile JWT, which verifies the tokens; checked here to fail early. */
  @Inject
  @ConfigProperty(name = "mp.jwt.verify.issuer")
  String authIssuer;

  /** No default: the server configuration points it at the key the operator's credentials came with. */
  @Inject
  @ConfigProperty(name = "mp.jwt.verify.publickey.location")
  Optional<String> authPublicKeyLocation;

  @Inject
  @ConfigProperty(name = "registry.auth.token-file")
  Optional<String> authTokenFile;

  /** Optional because MicroProfile Config treats the empty list, the default, as not set. */
  @Inject
  @ConfigProperty(name = "registry.auth.anonymous-from")
  Optional<String> authAnonymousFrom;

  /** HTTPS or HTTP for heart-beats and notices ({@code true} or {@code false}, as every server of the system). */
  @Inject
  @ConfigProperty(name = Transport.KEY)
  String tls;

  private Transport transport;
  private AddressRanges anonymousFrom;
  private String authToken;

  @Override
  public void validate() {
    super.validate();
    require(!clusterName.isBlank(), "registry.cluster.name", clusterName, "must not be blank");
    require(!clusterHost.isBlank(), "registry.cluster.host", clusterHost, "must not be blank");
    for (String member : ClusterSettings.parseMembers(clusterMembers())) {
      require(member.matches("[^:,\\s]+:[0-9]{1,5}"), "registry.cluster.members", clusterMembers(),
          "must be a comma-separated list of host:port");
    }
    validateAuth();
    transport = Transport.fromConfig(tls);
  }

  private void validateAuth() {
    require(!authIssuer.isBlank(), "mp.jwt.verify.issuer", authIssuer, "must not be empty");
    try {
      anonymousFrom = AddressRanges.parse(authAnonymousFrom.orElse(""));
    } catch (IllegalArgumentException e) {
      require(false, "registry.auth.anonymous-from", authAnonymousFrom.orElse(""), "must be CIDR ranges: "
          + e.getMessage());
    }
    if (authEnabled) {
      String location = authPublicKeyLocation.orElse("");
      require(!location.isEmpty(), "mp.jwt.verify.publickey.location", location,
          "must name the PEM public key that verifies tokens (or set registry.auth.enabled=false)");
      if (!location.matches("[a-zA-Z][a-zA-Z0-9+.-]+:.*") || location.startsWith("file:")) { // a file, not a URL
        try {
          Pem.publicKey(location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location));
        } catch (Exception e) {
          require(false, "mp.jwt.verify.publickey.location", location,
              "must be a readable PEM RSA public key (" + e + ")");
        }
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

  public int maxInstancesPerService() {
    return maxInstancesPerService;
  }

  public int maxServices() {
    return maxServices;
  }

  public int eventsCapacity() {
    return eventsCapacity;
  }

  public String clusterName() {
    return clusterName;
  }

  public String clusterHost() {
    return clusterHost;
  }

  public int clusterPort() {
    return clusterPort;
  }

  /** The other members as comma-separated host:port, empty for a single node. */
  public String clusterMembers() {
    return clusterMembers.orElse("");
  }

  public Duration clusterMemberTimeout() {
    return Duration.ofMillis(clusterMemberTimeout);
  }

  public Duration clusterWriteTimeout() {
    return Duration.ofMillis(clusterWriteTimeout);
  }

  public boolean authEnabled() {
    return authEnabled;
  }

  public String authIssuer() {
    return authIssuer;
  }

  public AddressRanges authAnonymousFrom() {
    return anonymousFrom;
  }

  public String authAnonymousFromText() {
    return authAnonymousFrom.filter(text -> !text.isBlank()).orElse("nowhere");
  }

  /** The registry's own token (sent with its notices), when {@code registry.auth.token-file} is set. */
  /** How heart-beats and notices reach instances ({@code servicegrid.tls}). */
  public Transport transport() {
    return transport;
  }

  public Optional<String> authToken() {
    return Optional.ofNullable(authToken);
  }
}
