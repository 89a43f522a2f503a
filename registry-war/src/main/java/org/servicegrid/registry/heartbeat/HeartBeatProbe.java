package org.servicegrid.registry.heartbeat;

import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.rest.client.RestClientBuilder;
import org.servicegrid.protocol.ServiceInfo;

/**
 * Asks an instance for its heart-beat through an MP Rest Client cached per address: every instance is
 * checked every period, so building a client per check would dominate the cost. Clients of addresses that
 * left the table are closed on the next {@link #retainOnly}.
 */
final class HeartBeatProbe implements HeartBeatChecker.Probe, AutoCloseable {

  private static final Logger LOG = Logger.getLogger(HeartBeatProbe.class.getName());

  private final HeartBeatSettings settings;
  private final ConcurrentMap<String, HeartBeatClient> clients = new ConcurrentHashMap<>();

  HeartBeatProbe(HeartBeatSettings settings) {
    this.settings = settings;
  }

  @Override
  public void beat(ServiceInfo instance) {
    try (Response response = clients.computeIfAbsent(instance.addr(), this::newClient).beat()) {
      if (response.getStatus() != Response.Status.OK.getStatusCode()) {
        throw new IllegalStateException("heart-beat answered HTTP " + response.getStatus());
      }
    }
  }

  /** Closes the clients of every address not in {@code addresses}. */
  void retainOnly(Set<String> addresses) {
    clients.keySet().stream().filter(a -> !addresses.contains(a)).toList().forEach(this::closeClient);
  }

  @Override
  public void close() {
    Set.copyOf(clients.keySet()).forEach(this::closeClient);
  }

  private HeartBeatClient newClient(String address) {
    return RestClientBuilder.newBuilder()
        .baseUri(URI.create("http://" + address))
        .connectTimeout(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .readTimeout(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .build(HeartBeatClient.class);
  }

  private void closeClient(String address) {
    HeartBeatClient client = clients.remove(address);
    if (client != null) {
      try {
        client.close();
      } catch (Exception e) {
        LOG.log(Level.FINE, "Closing the heart-beat client of {0} failed: {1}", new Object[] {address, e});
      }
    }
  }
}
