package org.servicegrid.registry.notify;

import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.rest.client.RestClientBuilder;
import org.servicegrid.registry.table.Change;

/**
 * Sends notices to one dependent through its own MP Rest Client, built once (clients are costly to build
 * and hold the connection pool) with the configured connect and read timeouts, so a dead or hung dependent
 * costs its queue at most those timeouts per notice.
 */
final class RestNoticeSender implements NoticeSender {

  private static final Logger LOG = Logger.getLogger(RestNoticeSender.class.getName());

  private final String address;
  private final DependentClient client;

  RestNoticeSender(String address, Duration connectTimeout, Duration readTimeout) {
    this.address = address;
    this.client = RestClientBuilder.newBuilder()
        .baseUri(URI.create("http://" + address))
        .connectTimeout(connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
        .readTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS)
        .build(DependentClient.class);
  }

  @Override
  public void send(Change change) {
    try (Response response = change.kind().isAddition()
        ? client.added(change.instance())
        : client.removed(change.instance())) {
      if (response.getStatusInfo().getFamily() != Response.Status.Family.SUCCESSFUL) {
        throw new NoticeRejectedException(address, response.getStatus());
      }
    }
  }

  @Override
  public void close() {
    try {
      client.close();
    } catch (Exception e) {
      LOG.log(Level.FINE, "Closing the client of {0} failed: {1}", new Object[] {address, e});
    }
  }
}
