package org.servicegrid.client.internal;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * The HTTP address of the Liberty server this application runs in, read from the server's own
 * endpoint MBean ({@code WebSphere:feature=channelfw,type=endpoint,name=defaultHttpEndpoint}), so
 * that a WAR dropped on a server with no project configuration registers where it really listens. A
 * host of {@code *} (every interface) is replaced by this machine's name, which other machines can
 * reach.
 */
final class ServerEndpoint {

  static final String MBEAN = "WebSphere:feature=channelfw,type=endpoint,name=defaultHttpEndpoint";

  private ServerEndpoint() {}

  /**
   * host:port of the default HTTP endpoint, or empty outside Liberty or when it has no HTTP port.
   */
  static Optional<String> address() {
    try {
      MBeanServer server = ManagementFactory.getPlatformMBeanServer();
      ObjectName name = new ObjectName(MBEAN);
      if (!server.isRegistered(name)) {
        return Optional.empty();
      }
      int port = ((Number) server.getAttribute(name, "Port")).intValue();
      String host = String.valueOf(server.getAttribute(name, "Host"));
      return port > 0 ? Optional.of(reachable(host) + ":" + port) : Optional.empty();
    } catch (JMException | UnknownHostException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static String reachable(String host) throws UnknownHostException {
    return host.equals("*") || host.equals("0.0.0.0") || host.equals("::")
        ? InetAddress.getLocalHost().getHostName()
        : host;
  }
}
