package org.servicegrid.client;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.servicegrid.protocol.ServiceInfo;

/**
 * What an application asks the library for: a live instance of a service it requires, and an MP Rest Client
 * bound to that instance. (API contract; implementation in progress.)
 */
@ApplicationScoped
public class ServiceInstances {

  /** Every known live instance of {@code service}, in registration order; empty when none. */
  public List<ServiceInfo> instances(String service) {
    throw new UnsupportedOperationException("not implemented yet");
  }

  /** One instance per the configured selection policy, skipping instances recently reported as failed. */
  public Optional<ServiceInfo> pick(String service) {
    throw new UnsupportedOperationException("not implemented yet");
  }

  /** Like {@link #pick} but throws {@link NoInstanceAvailableException} when there is none. */
  public ServiceInfo require(String service) {
    throw new UnsupportedOperationException("not implemented yet");
  }

  /** The caller saw this instance fail (connect error, 5xx): skip it for the configured cool-down. */
  public void reportFailure(ServiceInfo instance) {
    throw new UnsupportedOperationException("not implemented yet");
  }

  /**
   * A cached MP Rest Client of type {@code api} whose base URI is the instance's address, with the
   * configured connect and read timeouts.
   */
  public <T extends AutoCloseable> T client(ServiceInfo instance, Class<T> api) {
    throw new UnsupportedOperationException("not implemented yet");
  }
}
