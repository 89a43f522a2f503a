package org.servicegrid.client.internal;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import org.servicegrid.protocol.CallerHeader;

/**
 * Names the calling service on every outbound call ({@code X-Service-Name}); the log service
 * records it.
 */
final class CallerHeaderFilter implements ClientRequestFilter {

  private final String serviceName;

  CallerHeaderFilter(String serviceName) {
    this.serviceName = serviceName;
  }

  @Override
  public void filter(ClientRequestContext request) {
    request.getHeaders().putSingle(CallerHeader.NAME, serviceName);
  }
}
