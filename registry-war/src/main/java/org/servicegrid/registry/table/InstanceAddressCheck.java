package org.servicegrid.registry.table;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.servicegrid.protocol.InvalidRequestException;
import org.servicegrid.protocol.ServiceAddress;
import org.servicegrid.protocol.ServiceInfo;
import org.servicegrid.protocol.auth.AddressRanges;
import org.servicegrid.protocol.auth.BoundedResolver;

/**
 * Refuses a registration whose Addr lies outside {@code registry.allowed-addresses} (400, before
 * the table is touched): the registry probes every Addr and the gateway forwards to it, so an Addr
 * anywhere would make them a prober and an open proxy for whoever may register. A host name is
 * resolved here, within {@code resolve-timeout}, and must resolve; the rule is {@link
 * org.servicegrid.protocol.auth.AllowedAddresses}'. Registrations other registry nodes took arrive
 * through the cluster, not here: that node checked them.
 */
@ApplicationScoped
public class InstanceAddressCheck {

  private static final Logger LOG = Logger.getLogger(InstanceAddressCheck.class.getName());
  private static final String KEY = "registry.allowed-addresses";

  /** Lookups at once: registrations are rare, and a hung one holds a thread until DNS gives up. */
  private static final int LOOKUP_THREADS = 4;

  @Resource private ManagedThreadFactory threadFactory;
  @Inject private AddressSettings settings;

  private BoundedResolver resolver;

  @PostConstruct
  void init() {
    resolver = new BoundedResolver(settings.resolveTimeout(), LOOKUP_THREADS, threadFactory);
    LOG.log(Level.INFO, "Instances may register at {0}", settings.allowed());
  }

  @PreDestroy
  void stop() {
    resolver.close();
  }

  /**
   * Throws a 400 {@link InvalidRequestException} naming the address and the setting unless {@code
   * instance}'s Addr is allowed for a registration from {@code callerAddress} (the request's remote
   * address).
   */
  public void check(ServiceInfo instance, String callerAddress) {
    String host = ServiceAddress.parse(instance.addr()).host();
    List<InetAddress> resolved;
    try {
      resolved = resolver.resolve(host);
    } catch (UnknownHostException e) {
      throw refused(instance, e.getMessage() + ", so " + KEY + " cannot admit it");
    }
    InetAddress caller = AddressRanges.literalAddress(callerAddress);
    Optional<InetAddress> outside = settings.allowed().firstRefused(host, resolved, caller);
    if (outside.isPresent()) {
      String where =
          AddressRanges.literalAddress(host) != null
              ? host
              : host + " resolves to " + outside.get().getHostAddress();
      throw refused(instance, where + ", which " + KEY + " does not allow");
    }
  }

  private static InvalidRequestException refused(ServiceInfo instance, String why) {
    return new InvalidRequestException(
        "Addr '" + instance.addr() + "' may not be registered: " + why);
  }
}
