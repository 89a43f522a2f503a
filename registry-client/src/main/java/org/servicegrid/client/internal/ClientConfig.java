package org.servicegrid.client.internal;

import static org.servicegrid.protocol.config.InvalidConfigurationException.require;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.servicegrid.protocol.ServiceAddress;
import org.servicegrid.protocol.ServiceInfo;
import org.servicegrid.protocol.ServiceInfoValidator;
import org.servicegrid.protocol.Transport;
import org.servicegrid.protocol.auth.AddressRanges;
import org.servicegrid.protocol.auth.BearerAuthorization;
import org.servicegrid.protocol.auth.Pem;
import org.servicegrid.protocol.config.Range;
import org.servicegrid.protocol.config.ValidatedConfig;

/**
 * The library's settings ({@code service.*}, {@code registry.url}, {@code registry.client.*}). Defaults live only
 * in the jar's {@code META-INF/microprofile-config.properties}; {@code registry.url} may list several registries,
 * comma-separated; {@code service.name} has none, and without
 * {@code service.address} the instance registers the address its Liberty server's HTTP endpoint listens on.
 * Validated once, before the application starts registering: a bad value fails the deployment naming its key.
 * Durations are milliseconds.
 */
@ApplicationScoped
public class ClientConfig extends ValidatedConfig {

  private static final Logger LOG = Logger.getLogger(ClientConfig.class.getName());

  @Inject
  @ConfigProperty(name = "service.name")
  String serviceName;

  @Inject
  @ConfigProperty(name = "service.address")
  Optional<String> serviceAddress;

  /** Optional because MicroProfile Config treats the empty list, the usual value, as not set. */
  @Inject
  @ConfigProperty(name = "service.required")
  Optional<String> serviceRequired;

  @Inject
  @ConfigProperty(name = "registry.url")
  String registryUrl;

  @Inject
  @ConfigProperty(name = "registry.client.connect-timeout")
  @Range(min = 1)
  long connectTimeout;

  @Inject
  @ConfigProperty(name = "registry.client.read-timeout")
  @Range(min = 1)
  long readTimeout;

  @Inject
  @ConfigProperty(name = "registry.client.deregister-timeout")
  @Range(min = 1)
  long deregisterTimeout;

  @Inject
  @ConfigProperty(name = "registry.client.selection")
  String selection;

  @Inject
  @ConfigProperty(name = "registry.client.failure-cooldown")
  @Range(min = 1)
  long failureCooldown;

  @Inject
  @ConfigProperty(name = "registry.client.retry.initial-delay")
  @Range(min = 1)
  long retryInitialDelay;

  @Inject
  @ConfigProperty(name = "registry.client.retry.max-delay")
  long retryMaxDelay;

  @Inject
  @ConfigProperty(name = "registry.client.registry-silence")
  @Range(min = 1)
  long registrySilence;

  /** This service's token for its registry calls: given as is, or as a file (which wins). */
  @Inject
  @ConfigProperty(name = "registry.client.auth.token")
  Optional<String> authToken;

  @Inject
  @ConfigProperty(name = "registry.client.auth.token-file")
  Optional<String> authTokenFile;

  /** The key that verifies the registry's token on notices; without it only anonymous-notices-from is heard. */
  @Inject
  @ConfigProperty(name = "registry.client.auth.public-key-file")
  Optional<String> authPublicKeyFile;

  @Inject
  @ConfigProperty(name = "registry.client.auth.issuer")
  String authIssuer;

  @Inject
  @ConfigProperty(name = "registry.client.auth.anonymous-notices-from")
  Optional<String> anonymousNoticesFrom;

  /** HTTPS or HTTP for every call ({@code true} or {@code false}, as every server of the system). */
  @Inject
  @ConfigProperty(name = Transport.KEY)
  String tls;

  private Transport transport;
  private String token;
  private RSAPublicKey noticeKey;
  private AddressRanges anonymousNotices;
  private ServiceInfo self;
  private List<URI> registries;
  private SelectionPolicy selectionPolicy;

  @Override
  public void validate() {
    super.validate();
    require(ServiceInfoValidator.isValidName(serviceName), "service.name", serviceName,
        "may contain only letters, digits, '-', '_' and '.' (max " + ServiceInfoValidator.MAX_NAME_LENGTH + ")");
    String address = serviceAddress.or(ServerEndpoint::address).orElse(null);
    require(address != null, "service.address", "",
        "must be set (host:port): the server's HTTP endpoint cannot be read");
    require(ServiceAddress.isValid(address), "service.address", address, "must be host:port");
    List<String> required = names(serviceRequired.orElse(""));
    require(required.stream().allMatch(ServiceInfoValidator::isValidName)
            && required.size() <= ServiceInfoValidator.MAX_REQUIRED_SERVICES, "service.required", required,
        "must be at most " + ServiceInfoValidator.MAX_REQUIRED_SERVICES + " valid service names");
    self = new ServiceInfo(serviceName, address, required);
    registries = names(registryUrl).stream().map(ClientConfig::httpUrl).toList();
    require(!registries.isEmpty() && !registries.contains(null), "registry.url", registryUrl,
        "must be one or more comma-separated http(s) URLs such as http://127.0.0.1:20000");
    transport = Transport.fromConfig(tls);
    require(!transport.secure() || registries.stream().allMatch(url -> url.getScheme().equals("https")),
        "registry.url", registryUrl, "must be https URLs while " + Transport.KEY + " is true");
    selectionPolicy = SelectionPolicy.fromConfig(selection).orElse(null);
    require(selectionPolicy != null, "registry.client.selection", selection, "must be round-robin or random");
    require(retryMaxDelay >= retryInitialDelay, "registry.client.retry.max-delay", retryMaxDelay,
        "must not be smaller than registry.client.retry.initial-delay");
    validateAuth();
    LOG.log(Level.INFO, "Registry client configured: {0} at {1}, requires {2}, registry {3}",
        new Object[] {serviceName, address, required, registries});
  }

  private void validateAuth() {
    String tokenFile = authTokenFile.orElse("");
    require(tokenFile.isEmpty() || Files.isReadable(Path.of(tokenFile)), "registry.client.auth.token-file",
        tokenFile, "must be a readable file holding this service's token");
    token = tokenFile.isEmpty() ? authToken.map(String::strip).filter(t -> !t.isEmpty()).orElse(null)
        : BearerAuthorization.readToken(Path.of(tokenFile));
    String keyFile = authPublicKeyFile.orElse("");
    try {
      noticeKey = keyFile.isEmpty() ? null : Pem.publicKey(Path.of(keyFile));
    } catch (Exception e) {
      require(false, "registry.client.auth.public-key-file", keyFile,
          "must be a readable PEM RSA public key (" + e + ")");
    }
    require(!authIssuer.isBlank(), "registry.client.auth.issuer", authIssuer, "must not be empty");
    try {
      anonymousNotices = AddressRanges.parse(anonymousNoticesFrom.orElse(""));
    } catch (IllegalArgumentException e) {
      require(false, "registry.client.auth.anonymous-notices-from", anonymousNoticesFrom.orElse(""),
          "must be CIDR ranges: " + e.getMessage());
    }
    if (token == null) {
      LOG.warning("No registry.client.auth.token(-file): registrations carry no token and need the registry's "
          + "registry.auth.anonymous-from");
    }
  }

  /** The URL without a trailing slash, or null when it is not an absolute http(s) URL with a host. */
  private static URI httpUrl(String value) {
    try {
      URI uri = new URI(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
      boolean http = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
      return http && uri.getHost() != null ? uri : null;
    } catch (URISyntaxException e) {
      return null;
    }
  }

  /** Splits a comma-separated list, dropping blanks and duplicates but keeping the order. */
  static List<String> names(String commaSeparated) {
    LinkedHashSet<String> names = new LinkedHashSet<>();
    Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(n -> !n.isEmpty()).forEach(names::add);
    return List.copyOf(names);
  }

  /** What this instance registers, before any service added at run time. */
  public ServiceInfo self() {
    return self;
  }

  /** The registries to talk to, in the order they are tried ({@code registry.url}). */
  public List<URI> registryUrls() {
    return registries;
  }

  /** The same registries as one comma-separated text, for logs and operators. */
  public String registryUrl() {
    return registries.stream().map(URI::toString).collect(Collectors.joining(","));
  }

  /** How every call goes: HTTPS or HTTP ({@code servicegrid.tls}). */
  public Transport transport() {
    return transport;
  }

  public Duration connectTimeout() {
    return Duration.ofMillis(connectTimeout);
  }

  public Duration readTimeout() {
    return Duration.ofMillis(readTimeout);
  }

  Duration deregisterTimeout() {
    return Duration.ofMillis(deregisterTimeout);
  }

  SelectionPolicy selection() {
    return selectionPolicy;
  }

  Duration failureCooldown() {
    return Duration.ofMillis(failureCooldown);
  }

  Backoff retryBackoff() {
    return new Backoff(Duration.ofMillis(retryInitialDelay), Duration.ofMillis(retryMaxDelay));
  }

  Duration registrySilence() {
    return Duration.ofMillis(registrySilence);
  }

  /** This service's token for its registry calls, when one is configured. */
  Optional<String> authToken() {
    return Optional.ofNullable(token);
  }

  /** The key that verifies the registry's notices; empty when none is configured. */
  Optional<RSAPublicKey> noticeKey() {
    return Optional.ofNullable(noticeKey);
  }

  String authIssuer() {
    return authIssuer;
  }

  AddressRanges anonymousNoticesFrom() {
    return anonymousNotices;
  }
}
