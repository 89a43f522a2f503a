package org.servicegrid.protocol.tracing;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Whether a server traces, and, when it does, its {@link OpenTelemetryTracing}: the one entry to
 * tracing that every application can load, whether or not it sees the OpenTelemetry API.
 *
 * <p>Liberty shows an application the API of its MicroProfile Telemetry only with {@code
 * <classloader apiTypeVisibility="+third-party"/>}. Without it, a class that names an OpenTelemetry
 * type in a field, a signature or a static initializer fails as soon as the container inspects or
 * initializes it, and with it the filter or bean that uses it. So this class names none: it asks
 * once, by name, whether the API is visible, and only then loads {@link OpenTelemetryTracing},
 * which does the work. Without the API tracing is off, and the server's log says so once, naming
 * the setting.
 */
public final class Tracing {

  private static final Logger LOG = Logger.getLogger(Tracing.class.getName());
  private static final String API = "io.opentelemetry.api.OpenTelemetry";
  private static final Tracing OFF = new Tracing(null);
  private static final boolean API_VISIBLE = apiVisible();

  private final OpenTelemetryTracing spans;

  private Tracing(OpenTelemetryTracing spans) {
    this.spans = spans;
  }

  /**
   * The application's tracing under the instrumentation scope {@code scope} (e.g. the service's
   * name): on when the OpenTelemetry API is visible and Liberty's SDK is on ({@code
   * OTEL_SDK_DISABLED=false}), off otherwise. Looks the server's {@code OpenTelemetry} up through
   * CDI, so call it from a bean or filter of a running application.
   */
  public static Tracing of(String scope) {
    if (!API_VISIBLE) {
      return OFF;
    }
    return OpenTelemetryTracing.lookUp(scope);
  }

  /** Tracing that is off, for code run outside a server (unit tests). */
  public static Tracing off() {
    return OFF;
  }

  /** Wraps tracing that is on (built by {@link OpenTelemetryTracing}). */
  static Tracing on(OpenTelemetryTracing spans) {
    return new Tracing(spans);
  }

  /**
   * Makes a context current that is traced but not recorded, for a background chore that would
   * otherwise be a trace of its own every period (see {@link OpenTelemetryTracing#unrecorded()}); a
   * no-op without the OpenTelemetry API. Close the scope when the chore ends.
   */
  public static TraceScope unrecorded() {
    return API_VISIBLE ? OpenTelemetryTracing.unrecorded() : TraceScope.NONE;
  }

  public boolean enabled() {
    return spans != null;
  }

  /**
   * The spans and headers of tracing that is on; only call it when {@link #enabled()}, from code
   * that may name OpenTelemetry types.
   *
   * @throws IllegalStateException when tracing is off
   */
  public OpenTelemetryTracing spans() {
    if (spans == null) {
      throw new IllegalStateException("tracing is off");
    }
    return spans;
  }

  /** Whether this class's loader sees the OpenTelemetry API; says so once when it does not. */
  private static boolean apiVisible() {
    try {
      Class.forName(API, false, Tracing.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      LOG.log(
          Level.INFO,
          "Tracing is off: the application does not see the OpenTelemetry API ({0}). To trace,"
              + " give it <classloader apiTypeVisibility=\"+third-party\"/> in server.xml.",
          e.toString());
      return false;
    }
  }
}
