package org.servicegrid.client.internal;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.rest.client.RestClientBuilder;
import org.servicegrid.protocol.auth.BearerAuthorization;

/**
 * Builds MP Rest Clients with the configured connect and read timeouts and the caller header, and
 * caches one per instance address and interface: building a client proxy is far more expensive than
 * a call, and the clients are thread-safe. Cached clients are closed when their address leaves the
 * table and at shutdown. With {@code servicegrid.tls} the instances' URLs are https, and Liberty
 * gives every client its default SSL configuration (transportSecurity-1.0; it replaces an
 * SSLContext set on the builder).
 */
@ApplicationScoped
public class RestClients {

  private static final Logger LOG = Logger.getLogger(RestClients.class.getName());

  private record Key(String addr, Class<?> api) {}

  @Inject ClientConfig config;

  private final ConcurrentMap<Key, AutoCloseable> cache = new ConcurrentHashMap<>();

  /** The cached client of {@code api} for the instance at {@code addr}, built on first use. */
  public <T extends AutoCloseable> T forAddress(String addr, Class<T> api) {
    // computeIfAbsent builds at most one client per key; building does no network I/O.
    OutboundCallSettings calls = config.calls();
    return api.cast(
        cache.computeIfAbsent(
            new Key(addr, api),
            key ->
                build(
                    URI.create(calls.transport().baseUrl(addr)),
                    api,
                    calls.connectTimeout(),
                    calls.readTimeout())));
  }

  /** A new, uncached client; the caller closes it. */
  <T> T build(URI baseUri, Class<T> api, Duration connectTimeout, Duration readTimeout) {
    return builder(baseUri, connectTimeout, readTimeout).build(api);
  }

  /**
   * A new client of a registry with the configured timeouts, carrying this service's token (if
   * any).
   */
  <T> T buildForRegistry(URI registry, Class<T> api) {
    return withToken(
            builder(registry, config.calls().connectTimeout(), config.calls().readTimeout()))
        .build(api);
  }

  /**
   * A new client for a registry call made while the application stops (deregistration; with the
   * token). MP Rest Client's default error mapper looks MicroProfile Config up on every response,
   * and by then the application's configuration is released (and its module may be gone), so this
   * client maps errors with {@link HttpErrorMapper} instead. RESTEasy logs one warning that the
   * default mapper is disabled; the other clients keep the default behaviour.
   */
  <T> T buildForShutdown(URI registry, Class<T> api, Duration timeout) {
    return withToken(builder(registry, timeout, timeout))
        .property(HttpErrorMapper.DISABLE_DEFAULT_MAPPER, Boolean.TRUE)
        .register(new HttpErrorMapper())
        .build(api);
  }

  private RestClientBuilder builder(URI baseUri, Duration connectTimeout, Duration readTimeout) {
    RestClientBuilder builder =
        RestClientBuilder.newBuilder()
            .baseUri(baseUri)
            .connectTimeout(connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
            .readTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS);
    return builder.register(new CallerHeaderFilter(config.self().name()));
  }

  private RestClientBuilder withToken(RestClientBuilder builder) {
    config.auth().token().ifPresent(token -> builder.register(new BearerAuthorization(token)));
    return builder;
  }

  /** Closes and forgets the clients of an address that no longer serves any known instance. */
  void evict(String addr) {
    cache
        .entrySet()
        .removeIf(
            entry -> {
              if (!entry.getKey().addr().equals(addr)) {
                return false;
              }
              close(entry.getValue());
              return true;
            });
  }

  @PreDestroy
  void closeAll() {
    cache.values().forEach(RestClients::close);
    cache.clear();
  }

  static void close(AutoCloseable client) {
    try {
      client.close();
    } catch (Exception e) {
      LOG.log(Level.FINE, "Closing a rest client failed", e);
    }
  }
}
