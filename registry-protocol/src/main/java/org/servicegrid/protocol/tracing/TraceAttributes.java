package org.servicegrid.protocol.tracing;

import io.opentelemetry.api.common.AttributeKey;
import java.util.List;

/**
 * The span attributes the servers set: OpenTelemetry's HTTP semantic conventions (stable names),
 * and the system's own under {@code servicegrid.}.
 */
public final class TraceAttributes {

  public static final AttributeKey<String> HTTP_REQUEST_METHOD =
      AttributeKey.stringKey("http.request.method");
  public static final AttributeKey<String> HTTP_ROUTE = AttributeKey.stringKey("http.route");
  public static final AttributeKey<Long> HTTP_RESPONSE_STATUS_CODE =
      AttributeKey.longKey("http.response.status_code");
  public static final AttributeKey<Long> HTTP_REQUEST_RESEND_COUNT =
      AttributeKey.longKey("http.request.resend_count");
  public static final AttributeKey<String> URL_PATH = AttributeKey.stringKey("url.path");
  public static final AttributeKey<String> URL_SCHEME = AttributeKey.stringKey("url.scheme");
  public static final AttributeKey<String> URL_FULL = AttributeKey.stringKey("url.full");
  public static final AttributeKey<String> SERVER_ADDRESS =
      AttributeKey.stringKey("server.address");
  public static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");
  public static final AttributeKey<String> CLIENT_ADDRESS =
      AttributeKey.stringKey("client.address");
  public static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

  /** The service a request was routed to or called. */
  public static final AttributeKey<String> SERVICE = AttributeKey.stringKey("servicegrid.service");

  /** The instance ({@code host:port}) the gateway chose for a request. */
  public static final AttributeKey<String> INSTANCE =
      AttributeKey.stringKey("servicegrid.instance");

  /** How many visits one count transaction and its log batch carried. */
  public static final AttributeKey<Long> VISIT_GROUP_SIZE =
      AttributeKey.longKey("servicegrid.visit.group_size");

  /** The trace ids of the other visits a log batch carried (Zipkin shows no span links). */
  public static final AttributeKey<List<String>> LINKED_TRACE_IDS =
      AttributeKey.stringArrayKey("servicegrid.linked_trace_ids");

  /** The trace that wrote a visit's log line, when it was another visit's (its group's first). */
  public static final AttributeKey<String> LOG_TRACE_ID =
      AttributeKey.stringKey("servicegrid.log.trace_id");

  private TraceAttributes() {}
}
