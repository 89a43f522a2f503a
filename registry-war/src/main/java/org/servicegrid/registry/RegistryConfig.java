package org.servicegrid.registry;

import static org.servicegrid.protocol.config.InvalidConfigurationException.require;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.interfaces.RSAPublicKey;
import jakarta.enterprise.inject.Produces;
import org.servicegrid.protocol.auth.AddressRanges;
import org.servicegrid.protocol.config.ConfigKeys;
import org.servicegrid.protocol.config.ValidatedConfig;
import org.servicegrid.registry.auth.AuthSettings;
import org.servicegrid.registry.cluster.ClusterSettings;
import org.servicegrid.registry.events.EventLogSettings;
import org.servicegrid.registry.heartbeat.HeartBeatSettings;
import org.servicegrid.registry.notify.NoticeSettings;
import org.servicegrid.registry.table.TableSettings;

/**
 * The registry's settings ({@code registry.*}), read once into the records it produces for the beans that use
 * them; defaults only in {@code META-INF/microprofile-config.properties}, durations in milliseconds. Validated once, before the rest of the application starts: a bad value fails the
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

  @Override
  public void validate() {
    ConfigKeys registry = keys("registry");
    ConfigKeys beat = registry.under("heartbeat");
    heartBeat = new HeartBeatSettings(beat.millis("period", 1), beat.integer("attempts", 1),
        beat.millis("retry-pause", 0), beat.millis("connect-timeout", 1), beat.millis("read-timeout", 1),
        beat.integer("parallelism", 1));
    ConfigKeys notify = registry.under("notify");
    notices = new NoticeSettings(notify.millis("connect-timeout", 1), notify.millis("read-timeout", 1),
        notify.integer("queue-capacity", 1), notify.integer("max-connections", 1), notify.integer("threads", 1));
    table = new TableSettings(registry.integer("table.max-idle-services", 0),
        registry.millis("cluster.write-timeout", 1));
    events = new EventLogSettings(registry.integer("events.capacity", 1));
    cluster = readCluster(registry.under("cluster"));
    auth = readAuth(registry.under("auth"));
  }

  private static ClusterSettings readCluster(ConfigKeys cluster) {
    String name = cluster.text("name");
    require(!name.isBlank(), cluster.key("name"), name, "must not be blank");
    String host = cluster.text("host");
    require(!host.isBlank(), cluster.key("host"), host, "must not be blank");
    // optional: empty (the default) for a single node
    String members = cluster.optional("members").orElse("");
    for (String member : ClusterSettings.parseMembers(members)) {
      require(member.matches("[^:,\\s]+:[0-9]{1,5}"), cluster.key("members"), members,
          "must be a comma-separated list of host:port");
    }
    return new ClusterSettings(name, host, cluster.integer("port", 1, 65535), ClusterSettings.parseMembers(members),
        cluster.millis("member-timeout", 1));
  }

  private static AuthSettings readAuth(ConfigKeys auth) {
    boolean enabled = auth.flag("enabled");
    String issuer = auth.text("issuer");
    require(!issuer.isBlank(), auth.key("issuer"), issuer, "must not be empty");
    // optional because MicroProfile Config treats the empty list, the default, as not set
    AddressRanges anonymousFrom = auth.parsed("anonymous-from", "must be CIDR ranges: ", AddressRanges::parse);
    RSAPublicKey publicKey = null;
    if (enabled) {
      // no default: the server configuration points it at the key the operator's credentials came with
      publicKey = auth.publicKeyFile("public-key-file").orElse(null);
      require(publicKey != null, auth.key("public-key-file"), "",
          "must name the PEM public key that verifies tokens (or set registry.auth.enabled=false)");
    }
    return new AuthSettings(enabled, issuer, publicKey, anonymousFrom,
        auth.tokenFile("token-file", "the registry's token"));
  }
}
