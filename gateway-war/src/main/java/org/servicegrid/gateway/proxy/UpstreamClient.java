package org.servicegrid.gateway.proxy;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.impl.io.HttpRequestExecutor;
import org.apache.hc.core5.http.io.HttpClientConnection;
import org.apache.hc.core5.http.io.HttpResponseInformationCallback;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.pool.PoolConcurrencyPolicy;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.servicegrid.client.ServiceInstances;
import org.servicegrid.protocol.Transport;
import org.servicegrid.protocol.auth.BoundedResolver;

/**
 * The one HTTP client every forwarded request goes through: Apache HttpClient 5 classic, blocking
 * on the request thread, with a pool of keep-alive connections ({@code gateway.max-connections})
 * shared by all requests. A blocking client needs no hand-over between threads per request, and the
 * client starts no threads of its own. It only relays: no redirects, retries, decompression,
 * cookies or authentication.
 *
 * <p>Timeouts: {@code gateway.connect-timeout} to connect (and to wait for a free pooled
 * connection), {@code gateway.response-timeout} until the status line and headers, then {@code
 * gateway.read-timeout} between the bytes of the response body. With {@code servicegrid.tls} it
 * calls instances over HTTPS, through {@link Transport#upgrade} (the servers' truststore, host
 * names verified). Every new connection's address is checked against {@code
 * gateway.allowed-upstreams} by its resolver ({@link AllowedUpstreamResolver}), which waits for DNS
 * at most {@code gateway.connect-timeout}.
 */
@ApplicationScoped
public class UpstreamClient {

  /**
   * A pooled connection idle this long is checked before reuse: the instance may have closed it
   * meanwhile.
   */
  private static final TimeValue VALIDATE_AFTER_IDLE = TimeValue.ofSeconds(1);

  /** DNS lookups at once; new connections beyond wait in a queue, at most connect-timeout. */
  private static final int LOOKUP_THREADS = 16;

  @Inject UpstreamSettings upstream;
  @Inject ServiceInstances instances;
  @Resource ManagedThreadFactory threadFactory;

  private CloseableHttpClient http;
  private Transport transport;
  private BoundedResolver resolver;

  @PostConstruct
  void start() {
    transport = instances.callSettings().transport();
    resolver = new BoundedResolver(upstream.connectTimeout(), LOOKUP_THREADS, threadFactory);
    http =
        build(
            upstream,
            transport,
            new AllowedUpstreamResolver(upstream.allowedUpstreams(), resolver));
  }

  /** The client, built from the settings; {@code dns} resolves (and checks) instance hosts. */
  static CloseableHttpClient build(
      UpstreamSettings upstream, Transport transport, DnsResolver dns) {
    Timeout connectTimeout = Timeout.of(upstream.connectTimeout());
    Timeout readTimeout = Timeout.of(upstream.readTimeout());
    PoolingHttpClientConnectionManagerBuilder connections =
        PoolingHttpClientConnectionManagerBuilder.create().setDnsResolver(dns);
    if (transport.secure()) {
      connections.setTlsSocketStrategy(
          (socket, host, port, attachment, context) -> transport.upgrade(socket, host, port));
    }
    HttpClientBuilder builder =
        HttpClients.custom()
            .setConnectionManager(
                connections
                    // LAX has no pool-wide lock, and so no total: the bound is per instance.
                    .setPoolConcurrencyPolicy(PoolConcurrencyPolicy.LAX)
                    .setMaxConnTotal(upstream.maxConnections())
                    .setMaxConnPerRoute(upstream.maxConnections())
                    .setDefaultConnectionConfig(
                        ConnectionConfig.custom()
                            .setConnectTimeout(connectTimeout)
                            .setSocketTimeout(readTimeout)
                            .setValidateAfterInactivity(VALIDATE_AFTER_IDLE)
                            .build())
                    .build())
            .setDefaultRequestConfig(
                RequestConfig.custom()
                    .setConnectionRequestTimeout(connectTimeout)
                    .setResponseTimeout(Timeout.of(upstream.responseTimeout()))
                    .build())
            .disableRedirectHandling()
            .disableAutomaticRetries()
            .disableContentCompression()
            .disableCookieManagement()
            .disableAuthCaching()
            .disableConnectionState()
            .disableDefaultUserAgent();
    if (!upstream.readTimeout().equals(upstream.responseTimeout())) {
      // With equal timeouts the socket already has the right one for the body: no change per
      // request.
      builder.setRequestExecutor(new ReadTimeoutAfterHeaders(readTimeout));
    }
    return builder.build();
  }

  /**
   * Sends the request (its body streamed from the entity) and returns once the status line and
   * headers arrived; the body is then read from the response's entity. The caller closes the
   * response; to drop the connection instead of returning it to the pool (a body not read to its
   * end), it cancels the request first.
   *
   * @throws IOException when the upstream could not be reached, did not answer in time, or the
   *     client's body could not be read ({@link ClientBodyException} in the cause chain)
   */
  public ClassicHttpResponse open(HttpUriRequestBase request) throws IOException {
    return http.executeOpen(null, request, null);
  }

  /**
   * The base URL of the instance at {@code addr}: https with {@code servicegrid.tls}, else http.
   */
  public String baseUrl(String addr) {
    return transport.baseUrl(addr);
  }

  @PreDestroy
  void stop() {
    http.close(CloseMode.GRACEFUL);
    resolver.close();
  }

  /**
   * The HTTP client applies the response timeout to the socket while waiting for the headers and
   * leaves it there; the body is read with the read timeout instead.
   */
  private static final class ReadTimeoutAfterHeaders extends HttpRequestExecutor {

    private final Timeout readTimeout;

    ReadTimeoutAfterHeaders(Timeout readTimeout) {
      this.readTimeout = readTimeout;
    }

    @Override
    public ClassicHttpResponse execute(
        ClassicHttpRequest request,
        HttpClientConnection connection,
        HttpResponseInformationCallback informationCallback,
        HttpContext context)
        throws IOException, HttpException {
      ClassicHttpResponse response =
          super.execute(request, connection, informationCallback, context);
      connection.setSocketTimeout(readTimeout);
      return response;
    }
  }
}
