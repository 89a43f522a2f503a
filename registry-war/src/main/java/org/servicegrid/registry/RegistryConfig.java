package org.servicegrid.registry;

import static org.servicegrid.protocol.config.InvalidConfigurationException.require;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.servicegrid.protocol.Transport;
import org.servicegrid.protocol.auth.AddressRanges;
import org.servicegrid.protocol.auth.Pem;
import org.servicegrid.protocol.config.ConfigKeys;
import org.servicegrid.protocol.config.ValidatedConfig;
import org.servicegrid.registry.auth.AuthSettings;
import org.servicegrid.registry.cluster.ClusterSettings;
import org.servicegrid.registry.events.EventLogSettings;
import org.servicegrid.registry.heartbeat.HeartBeatSettings;
import org.servicegrid.registry.notify.NoticeSettings;
import org.servicegrid.registry.table.AddressSettings;
import org.servicegrid.registry.table.TableSettings;

/**
 * The registry's settings ({@code registry.*}, {@code servicegrid.tls}, the {@code mp.jwt.verify.*}
 * keys Liberty verifies tokens with), read once into the records it produces for the beans that use
 * them; defaults only in {@code META-INF/microprofile-config.properties}, durations in
 * milliseconds. Validated once, before the rest of the application starts: a bad value fails the
 * deployment naming its key.
 */
@ApplicationScoped
public class RegistryConfig extends ValidatedConfig {

  @Produces HeartBeatSettings heartBeat;
  @Produces NoticeSettings notices;
  @Produces TableSettings table;
  @Produces EventLogSettings events;
  @Produces ClusterSettings cluster;
  @Produces AuthSettings auth;
  @Produces AddressSettings addresses;

  @Override
  public void validate() {
    ConfigKeys registry = keys("registry");
    // heart-beats and notices reach instances over HTTPS or HTTP, as every server of the system
    // (servicegrid.tls)
    Transport transport = readTransport();
    ConfigKeys beat = registry.under("heartbeat");
    heartBeat =
        new HeartBeatSettings(
            beat.millis("period", 1),
            beat.integer("attempts", 1),
            beat.millis("retry-pause", 0),
            beat.millis("connect-timeout", 1),
            beat.millis("read-timeout", 1),
            beat.integer("parallelism", 1),
            transport);
    ConfigKeys notify = registry.under("notify");
    notices =
        new NoticeSettings(
            notify.millis("connect-timeout", 1),
            notify.millis("read-timeout", 1),
            notify.integer("queue-capacity", 1),
            notify.integer("max-connections", 1),
            notify.integer("threads", 1),
            transport);
    table =
        new TableSettings(
            registry.integer("table.max-idle-services", 0),
            registry.millis("cluster.write-timeout", 1),
            registry.integer("limits.max-instances-per-service", 1),
            registry.integer("limits.max-services", 1),
            registry.millis("status-override.retention", 1));
    events = new EventLogSettings(registry.integer("events.capacity", 1));
    cluster = readCluster(registry.under("cluster"));
    auth = readAuth(registry.under("auth"), keys("mp.jwt.verify"));
    addresses =
        new AddressSettings(
            registry.allowedAddresses("allowed-addresses", true),
            registry.millis("allowed-addresses.resolve-timeout", 1));
  }

  private static ClusterSettings readCluster(ConfigKeys cluster) {
    String name = cluster.text("name");
    require(!name.isBlank(), cluster.key("name"), name, "must not be blank");
    String host = cluster.text("host");
    require(!host.isBlank(), cluster.key("host"), host, "must not be blank");
    // optional: empty (the default) for a single node
    String members = cluster.optional("members").orElse("");
    List<String> memberList = ClusterSettings.parseMembers(members);
    for (String member : memberList) {
      require(
          member.matches("[^:,\\s]+:[0-9]{1,5}"),
          cluster.key("members"),
          members,
          "must be a comma-separated list of host:port");
    }
    return new ClusterSettings(
        name,
        host,
        cluster.integer("port", 1, 65535),
        memberList,
        cluster.millis("member-timeout", 1));
  }

  /**
   * {@code jwt} ({@code mp.jwt.verify.*}) is read by Liberty's MicroProfile JWT, which verifies the
   * tokens.
   */
  private static AuthSettings readAuth(ConfigKeys auth, ConfigKeys jwt) {
    boolean enabled = auth.flag("enabled");
    String issuer = jwt.text("issuer");
    require(!issuer.isBlank(), jwt.key("issuer"), issuer, "must not be empty");
    // optional because MicroProfile Config treats the empty list, the default, as not set
    AddressRanges anonymousFrom =
        auth.parsed("anonymous-from", "must be CIDR ranges: ", AddressRanges::parse);
    if (enabled) {
      checkPublicKey(jwt, "publickey.location");
    }
    return new AuthSettings(
        enabled, issuer, anonymousFrom, auth.tokenFile("token-file", "the registry's token"));
  }

  /**
   * No default: the server configuration points it at the key the operator's credentials came with.
   */
  private static void checkPublicKey(ConfigKeys jwt, String name) {
    String location = jwt.optional(name).orElse("");
    require(
        !location.isEmpty(),
        jwt.key(name),
        location,
        "must name the PEM public key that verifies tokens (or set registry.auth.enabled=false)");
    if (!location.matches("[a-zA-Z][a-zA-Z0-9+.-]+:.*")
        || location.startsWith("file:")) { // a file, not a URL
      try {
        Pem.publicKey(
            location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location));
      } catch (Exception e) {
        require(
            false, jwt.key(name), location, "must be a readable PEM RSA public key (" + e + ")");
      }
    }
  }
}
