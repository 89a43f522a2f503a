package org.servicegrid.registry.notify;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import java.net.URI;
import org.servicegrid.protocol.Transport;

/**
 * Points each call of a shared {@link DependentClient} at the dependent it is for: the address
 * given in {@link #HEADER} (a validated {@code host:port}) replaces the placeholder base URI's
 * authority, and the header itself is dropped. A few clients for every dependent, instead of one
 * per dependent, because building an MP Rest Client costs milliseconds of CPU (a proxy and a
 * provider factory each), which 200 dependents registering at once turned into hundreds of
 * milliseconds of delay for the next fan-out.
 */
final class DependentRouting implements ClientRequestFilter {

  /**
   * Before every filter of the default priority, among them Liberty's tracing filter, which
   * otherwise records the placeholder as the notice's URL and server address.
   */
  static final int PRIORITY = Priorities.AUTHENTICATION;

  static final String HEADER = "X-Servicegrid-Dependent";

  private final Transport transport;

  DependentRouting(Transport transport) {
    this.transport = transport;
  }

  @Override
  public void filter(ClientRequestContext request) {
    Object address = request.getHeaders().getFirst(HEADER);
    if (address == null) {
      throw new IllegalStateException("no dependent address on a notice to " + request.getUri());
    }
    request.getHeaders().remove(HEADER);
    URI placeholder = request.getUri();
    request.setUri(URI.create(transport.baseUrl(address.toString()) + placeholder.getRawPath()));
  }
}
