package org.servicegrid.gateway.proxy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.servicegrid.protocol.auth.AddressRanges;
import org.servicegrid.protocol.auth.AllowedAddresses;
import org.servicegrid.protocol.auth.BoundedResolver;

/**
 * The upstream client's DNS: resolves an instance's host and refuses an address outside {@code
 * gateway.allowed-upstreams} before any connection is opened. The registry checked the Addr when it
 * was registered; checking again for every new connection catches a name whose DNS now points
 * elsewhere. The HTTP client asks this for IP literals too (its hosts carry no resolved address),
 * so a literal Addr is checked the same way.
 */
final class AllowedUpstreamResolver implements DnsResolver {

  static final String KEY = "gateway.allowed-upstreams";

  private final AllowedAddresses allowed;
  private final BoundedResolver resolver;

  AllowedUpstreamResolver(AllowedAddresses allowed, BoundedResolver resolver) {
    this.allowed = allowed;
    this.resolver = resolver;
  }

  @Override
  public InetAddress[] resolve(String host) throws UnknownHostException {
    List<InetAddress> addresses = resolver.resolve(host);
    Optional<InetAddress> outside = allowed.firstRefused(host, addresses, null);
    if (outside.isPresent()) {
      throw new UpstreamNotAllowedException(
          "upstream "
              + (AddressRanges.literalAddress(host) != null
                  ? host
                  : host + " resolves to " + outside.get().getHostAddress())
              + ", which "
              + KEY
              + " does not allow");
    }
    return addresses.toArray(InetAddress[]::new);
  }

  /** Only for authentication schemes (SPNEGO), which the gateway never uses. */
  @Override
  public String resolveCanonicalHostname(String host) throws UnknownHostException {
    return SystemDefaultDnsResolver.INSTANCE.resolveCanonicalHostname(host);
  }
}
