package org.servicegrid.visit;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.net.URIAuthority;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.servicegrid.client.CallSettings;
import org.servicegrid.client.ServiceInstances;
import org.servicegrid.protocol.CallerHeader;
import org.servicegrid.protocol.Transport;
import org.servicegrid.protocol.tracing.OpenTelemetryTracing;
import org.servicegrid.protocol.tracing.TraceAttributes;
import org.servicegrid.protocol.tracing.Tracing;

/**
 * Posts a group's numbers to a log instance's {@code POST /log/batch}: Apache HttpClient 5 classic,
 * blocking on the leader's request thread, with keep-alive connections pooled per log instance. A
 * blocking client needs no hand-over between threads per call and starts no threads of its own;
 * with one group in flight at a time, the log call's round trip is what bounds the visit rate.
 * Connect and read timeouts are the registry client library's ({@code
 * registry.client.connect-timeout}, {@code registry.client.read-timeout}), like every other
 * outbound call, and each call names the caller ({@code X-Service-Name}); with {@code
 * servicegrid.tls} it calls over HTTPS through {@link Transport#upgrade} (the servers' truststore,
 * host names verified).
 */
@ApplicationScoped
public class LogBatchClient {

  /** One group is logged at a time, so at most one connection per instance is busy; a few spare. */
  private static final int CONNECTIONS_PER_INSTANCE = 4;

  private static final int CONNECTIONS = 64;

  /**
   * A pooled connection idle this long is checked before reuse: the instance may have closed it
   * meanwhile.
   */
  private static final TimeValue VALIDATE_AFTER_IDLE = TimeValue.ofSeconds(1);

  private static final JsonGeneratorFactory JSON = Json.createGeneratorFactory(Map.of());

  @Inject ServiceInstances instances;
  @Inject Tracing tracing = Tracing.off(); // off where built outside CDI (tests)

  private CloseableHttpClient http;
  private String caller;
  private Transport transport;

  @PostConstruct
  void start() {
    CallSettings settings = instances.callSettings();
    start(
        settings.connectTimeout(),
        settings.readTimeout(),
        settings.callerName(),
        settings.transport());
  }

  void start(
      Duration connectTimeout, Duration readTimeout, String callerName, Transport transport) {
    caller = callerName;
    this.transport = transport;
    PoolingHttpClientConnectionManagerBuilder connections =
        PoolingHttpClientConnectionManagerBuilder.create();
    if (transport.secure()) {
      connections.setTlsSocketStrategy(
          (socket, host, port, attachment, context) -> transport.upgrade(socket, host, port));
    }
    http =
        HttpClients.custom()
            .setConnectionManager(
                connections
                    .setMaxConnTotal(CONNECTIONS)
                    .setMaxConnPerRoute(CONNECTIONS_PER_INSTANCE)
                    .setDefaultConnectionConfig(
                        ConnectionConfig.custom()
                            .setConnectTimeout(Timeout.of(connectTimeout))
                            .setSocketTimeout(Timeout.of(readTimeout))
                            .setValidateAfterInactivity(VALIDATE_AFTER_IDLE)
                            .build())
                    .build())
            .setDefaultRequestConfig(
                RequestConfig.custom()
                    .setConnectionRequestTimeout(Timeout.of(connectTimeout))
                    .setResponseTimeout(Timeout.of(readTimeout))
                    .build())
            .disableRedirectHandling()
            .disableAutomaticRetries()
            .disableContentCompression()
            .disableCookieManagement()
            .disableAuthCaching()
            .disableConnectionState()
            .build();
  }

  /**
   * Posts the messages as one batch to the log instance at {@code addr} and returns the answer's
   * status.
   *
   * @throws IOException when the instance could not be reached or did not answer within the
   *     timeouts
   */
  public int appendAll(String addr, List<String> messages) throws IOException {
    HttpPost post = new HttpPost(transport.baseUrl(addr) + "/log/batch");
    post.setHeader(CallerHeader.NAME, caller);
    post.setEntity(new ByteArrayEntity(json(messages), ContentType.APPLICATION_JSON));
    if (!tracing.enabled()) {
      return send(post);
    }
    // HttpClient is not traced by Liberty: the call's CLIENT span, and its context in the headers.
    URIAuthority instance = post.getAuthority();
    OpenTelemetryTracing spans = tracing.spans();
    Span span =
        spans.startClientSpan(
            Context.current(),
            "POST",
            post.getScheme(),
            instance.getHostName(),
            instance.getPort(),
            post.getRequestUri(),
            LogSender.LOG_SERVICE);
    spans.inject(
        Context.current(), span, post, (request, name, value) -> request.setHeader(name, value));
    int status;
    try {
      status = send(post);
    } catch (IOException e) {
      span.setAttribute(TraceAttributes.ERROR_TYPE, e.getClass().getName());
      span.setStatus(StatusCode.ERROR, e.toString());
      span.end();
      throw e;
    }
    OpenTelemetryTracing.endClientSpan(span, status);
    return status;
  }

  private int send(HttpPost post) throws IOException {
    return http.execute(
        post,
        response -> {
          EntityUtils.consume(
              response.getEntity()); // read to the end, so the connection goes back to the pool
          return response.getCode();
        });
  }

  @PreDestroy
  void stop() {
    http.close(CloseMode.GRACEFUL);
  }

  private static byte[] json(List<String> messages) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(16 + messages.size() * 12);
    try (JsonGenerator array = JSON.createGenerator(out)) {
      array.writeStartArray();
      messages.forEach(array::write);
      array.writeEnd();
    }
    return out.toByteArray();
  }
}
