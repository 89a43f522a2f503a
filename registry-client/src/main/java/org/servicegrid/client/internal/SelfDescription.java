package org.servicegrid.client.internal;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.servicegrid.protocol.InvalidRequestException;
import org.servicegrid.protocol.ServiceInfo;
import org.servicegrid.protocol.ServiceInfoValidator;

/**
 * The ServiceInfo this instance registers. It starts from configuration and can only grow: services
 * added at run time stay required, because the registry replaces a registration as a whole. Held in
 * an {@link AtomicReference} so a registration attempt always sends one consistent value.
 */
@ApplicationScoped
public class SelfDescription {

  @Inject ClientConfig config;

  private final AtomicReference<ServiceInfo> current = new AtomicReference<>();

  /** For CDI: the initial value comes from {@link ClientConfig} once injected. */
  SelfDescription() {}

  SelfDescription(ServiceInfo initial) {
    current.set(initial);
  }

  @PostConstruct
  void init() {
    current.set(config.self());
  }

  public ServiceInfo current() {
    return current.get();
  }

  /**
   * Adds services to RequiredServices; true if any was new. Names are validated, and the protocol's
   * limit on their number is enforced here, so names taken from traffic can never make the
   * registration invalid.
   */
  boolean require(Collection<String> services) {
    for (String name : services) {
      if (!ServiceInfoValidator.isValidName(name)) {
        throw new InvalidRequestException("'" + name + "' is not a valid service name");
      }
    }
    ServiceInfo before = current.getAndUpdate(info -> withRequired(info, services));
    return !before.requiredServices().containsAll(services);
  }

  private static ServiceInfo withRequired(ServiceInfo info, Collection<String> services) {
    LinkedHashSet<String> required = new LinkedHashSet<>(info.requiredServices());
    required.addAll(services);
    if (required.size() > ServiceInfoValidator.MAX_REQUIRED_SERVICES) {
      throw new InvalidRequestException(
          "cannot require more than " + ServiceInfoValidator.MAX_REQUIRED_SERVICES + " services");
    }
    List<String> names = new ArrayList<>(required);
    return names.equals(info.requiredServices()) ? info : info.withRequiredServices(names);
  }
}
