package org.servicegrid.registry.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.NetworkConfig;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * How this node's Hazelcast member is set up, from the {@code registry.cluster.*} keys. Without
 * members it joins nobody (TCP/IP, multicast and auto-detection off), so a single registry can
 * never merge with another registry's member that happens to run on the same machine; with members
 * it joins exactly those, on a fixed port. The member timeout bounds how long a killed node goes
 * unnoticed; Hazelcast counts it in whole seconds. The member binds and advertises exactly its
 * host, so that nodes on several machines (or loopback addresses) can share one port.
 */
public record ClusterSettings(
    String name, String host, int port, List<String> members, Duration memberTimeout) {

  /** The shared map of registrations; every map of this name family has one synchronous backup. */
  public static final String MAP = "registry.registrations";

  /**
   * {@code host:port} entries from a comma-separated list; blanks around and between them are
   * ignored.
   */
  public static List<String> parseMembers(String list) {
    return Arrays.stream(list.split(",")).map(String::trim).filter(m -> !m.isEmpty()).toList();
  }

  public boolean isSingleNode() {
    return members.isEmpty();
  }

  /**
   * The member's configuration; {@code classLoader} is the application's, for the processors it
   * runs.
   */
  public Config hazelcastConfig(ClassLoader classLoader) {
    Config config = new Config();
    config.setClusterName(name);
    config.setClassLoader(classLoader);
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.logging.type", "jdk");
    config.setProperty(
        "hazelcast.shutdownhook.enabled", "false"); // the application stops the member
    config.setProperty("hazelcast.socket.bind.any", "false"); // only the configured interface
    config.setProperty("hazelcast.heartbeat.interval.seconds", "1");
    config.setProperty(
        "hazelcast.max.no.heartbeat.seconds", String.valueOf(memberTimeoutSeconds()));
    // A graceful stop hands this member's partitions over first; a Liberty stop must not wait for
    // long.
    config.setProperty("hazelcast.graceful.shutdown.max.wait", "20");
    // Nodes started at once may form two clusters for a moment: merge them within seconds, not
    // minutes.
    config.setProperty("hazelcast.merge.first.run.delay.seconds", "10");
    config.setProperty("hazelcast.merge.next.run.delay.seconds", "10");

    NetworkConfig network = config.getNetworkConfig();
    network.setPort(port).setPortAutoIncrement(isSingleNode());
    // The exact address, not an interface to match: a machine's address, or a loopback alias such
    // as 127.0.1.2 that no interface lists, which interface matching would refuse.
    config.setProperty("hazelcast.local.localAddress", host);
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(!isSingleNode()).setMembers(members);

    config.addMapConfig(new MapConfig(MAP + "*").setBackupCount(1).setAsyncBackupCount(0));
    config
        .getSerializationConfig()
        .addDataSerializableFactory(RecordWrite.FACTORY_ID, new RecordWrite.Factory());
    return config;
  }

  long memberTimeoutSeconds() {
    return Math.max(1, (memberTimeout.toMillis() + 999) / 1000);
  }
}
