package org.servicegrid.client.internal;

import static org.servicegrid.protocol.config.InvalidConfigurationException.require;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.servicegrid.protocol.InvalidRequestException;
import org.servicegrid.protocol.ServiceAddress;
import org.servicegrid.protocol.ServiceInfo;
import org.servicegrid.protocol.ServiceInfoValidator;
import org.servicegrid.protocol.Transport;
import org.servicegrid.protocol.auth.AddressRanges;
import org.servicegrid.protocol.config.ConfigKeys;
import org.servicegrid.protocol.config.InvalidConfigurationException;
import org.servicegrid.protocol.config.ValidatedConfig;

/**
 * The library's settings ({@code service.*} with the instance's Meta under {@code
 * service.metadata.*}, {@code registry.url}, {@code registry.client.*}). Defaults live only in the
 * jar's {@code META-INF/microprofile-config.properties}; {@code registry.url} may list several
 * registries, comma-separated; {@code service.name} has none, and without {@code service.address}
 * the instance registers the address its Liberty server's HTTP endpoint listens on. Validated once,
 * before the application starts registering: a bad value fails the deployment naming its key.
 * Durations are milliseconds.
 */
@ApplicationScoped
public class ClientConfig extends ValidatedConfig {

  private static final Logger LOG = Logger.getLogger(ClientConfig.class.getName());

  private ServiceInfo self;
  private List<URI> registries;
  private OutboundCallSettings calls;
  private SelectionSettings selection;
  private Backoff retryBackoff;
  private Duration registrySilence;
  private ClientAuthSettings auth;

  @Override
  public void validate() {
    self = readSelf(keys("service"));
    String registryUrl = keys("registry").text("url");
    registries = names(registryUrl).stream().map(ClientConfig::httpUrl).toList();
    require(
        !registries.isEmpty() && !registries.contains(null),
        "registry.url",
        registryUrl,
        "must be one or more comma-separated http(s) URLs such as http://127.0.0.1:20000");
    Transport transport = readTransport();
    require(
        !transport.secure() || registries.stream().allMatch(url -> url.getScheme().equals("https")),
        "registry.url",
        registryUrl,
        "must be https URLs while " + Transport.KEY + " is true");
    ConfigKeys client = keys("registry.client");
    calls =
        new OutboundCallSettings(
            transport,
            client.millis("connect-timeout", 1),
            client.millis("read-timeout", 1),
            client.millis("deregister-timeout", 1));
    String policy = client.text("selection");
    selection =
        new SelectionSettings(
            SelectionPolicy.fromConfig(policy).orElse(null), client.millis("failure-cooldown", 1));
    require(
        selection.policy() != null,
        client.key("selection"),
        policy,
        "must be round-robin or random");
    Duration initialDelay = client.millis("retry.initial-delay", 1);
    long maxDelay = client.number("retry.max-delay");
    require(
        maxDelay >= initialDelay.toMillis(),
        client.key("retry.max-delay"),
        maxDelay,
        "must not be smaller than registry.client.retry.initial-delay");
    retryBackoff = new Backoff(initialDelay, Duration.ofMillis(maxDelay));
    registrySilence = client.millis("registry-silence", 1);
    auth = readAuth(client.under("auth"));
    LOG.log(
        Level.INFO,
        "Registry client configured: {0} at {1}, requires {2}, meta {3}, registry {4}",
        new Object[] {self.name(), self.addr(), self.requiredServices(), self.meta(), registries});
  }

  private static ServiceInfo readSelf(ConfigKeys service) {
    String name = service.text("name");
    require(
        ServiceInfoValidator.isValidName(name),
        service.key("name"),
        name,
        "may contain only letters, digits, '-', '_' and '.' (max "
            + ServiceInfoValidator.MAX_NAME_LENGTH
            + ")");
    String address = service.optional("address").or(ServerEndpoint::address).orElse(null);
    require(
        address != null,
        service.key("address"),
        "",
        "must be set (host:port): the server's HTTP endpoint cannot be read");
    require(ServiceAddress.isValid(address), service.key("address"), address, "must be host:port");
    // optional because MicroProfile Config treats the empty list, the usual value, as not set
    List<String> required = names(service.optional("required").orElse(""));
    require(
        required.stream().allMatch(ServiceInfoValidator::isValidName)
            && required.size() <= ServiceInfoValidator.MAX_REQUIRED_SERVICES,
        service.key("required"),
        required,
        "must be at most " + ServiceInfoValidator.MAX_REQUIRED_SERVICES + " valid service names");
    return new ServiceInfo(name, address, required, readMeta(service));
  }

  /**
   * The Meta this instance registers with: every {@code service.metadata.<key>} the configuration
   * lists, and the known keys also when only an environment variable sets them (MicroProfile Config
   * finds {@code SERVICE_METADATA_WEIGHT} when asked for the key, but does not list it under that
   * name). Each pair is held to the protocol's rules here, so the registry never refuses it.
   */
  private static Map<String, String> readMeta(ConfigKeys service) {
    ConfigKeys metadata = service.under("metadata");
    SortedSet<String> keys = service.namesUnder("metadata");
    keys.addAll(List.of(ServiceInfo.VERSION, ServiceInfo.ZONE, ServiceInfo.WEIGHT));
    Map<String, String> meta = new TreeMap<>();
    for (String key : keys) {
      Optional<String> value = metadata.optional(key);
      if (value.isPresent()) {
        try {
          ServiceInfoValidator.validateMetaPair(key, value.get());
        } catch (InvalidRequestException e) {
          throw new InvalidConfigurationException(
              metadata.key(key), value.get(), "is not valid Meta: " + e.getMessage());
        }
        meta.put(key, value.get());
      }
    }
    require(
        meta.size() <= ServiceInfoValidator.MAX_META_PAIRS,
        metadata.key("*"),
        meta.size() + " keys",
        "must be at most " + ServiceInfoValidator.MAX_META_PAIRS + " keys");
    return meta;
  }

  private static ClientAuthSettings readAuth(ConfigKeys auth) {
    Optional<String> token =
        auth.tokenFile("token-file", "this service's token")
            .or(() -> auth.optional("token").map(String::strip).filter(t -> !t.isEmpty()));
    Optional<RSAPublicKey> noticeKey = auth.publicKeyFile("public-key-file");
    String issuer = auth.text("issuer");
    require(!issuer.isBlank(), auth.key("issuer"), issuer, "must not be empty");
    AddressRanges anonymous =
        auth.parsed("anonymous-notices-from", "must be CIDR ranges: ", AddressRanges::parse);
    if (token.isEmpty()) {
      LOG.warning(
          "No registry.client.auth.token(-file): registrations carry no token and need the"
              + " registry's registry.auth.anonymous-from");
    }
    return new ClientAuthSettings(token, noticeKey, issuer, anonymous);
  }

  /**
   * The URL without a trailing slash, or null when it is not an absolute http(s) URL with a host.
   */
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
    Arrays.stream(commaSeparated.split(","))
        .map(String::trim)
        .filter(n -> !n.isEmpty())
        .forEach(names::add);
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

  public OutboundCallSettings calls() {
    return calls;
  }

  SelectionSettings selection() {
    return selection;
  }

  Backoff retryBackoff() {
    return retryBackoff;
  }

  /**
   * No heart-beat from the registry this long: this instance registers again, and its readiness is
   * DOWN.
   */
  Duration registrySilence() {
    return registrySilence;
  }

  ClientAuthSettings auth() {
    return auth;
  }
}
