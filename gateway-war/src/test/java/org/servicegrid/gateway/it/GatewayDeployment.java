package org.servicegrid.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.servicegrid.testsupport.Deployments;
import org.servicegrid.testsupport.Http;
import org.servicegrid.testsupport.RecordedRequest;

/**
 * The packaged gateway WAR as the integration tests deploy it: at the server root, pointed at a
 * fake registry.
 */
final class GatewayDeployment {

  /** {@code 127.0.0.1:port} of the Arquillian test server. */
  static final String HOST = "127.0.0.1:" + System.getProperty("arquillian.http.port");

  static final String URL = "http://" + HOST;

  private GatewayDeployment() {}

  /**
   * @param registryUrl the fake registry's URL
   * @param settings {@code key=value} for the gateway's configuration
   */
  static WebArchive of(String registryUrl, String... settings) {
    Map<String, String> all =
        new LinkedHashMap<>(Map.of("registry.url", registryUrl, "service.address", HOST));
    for (String setting : settings) {
      int equals = setting.indexOf('=');
      all.put(setting.substring(0, equals), setting.substring(equals + 1));
    }
    return Deployments.atRoot(Deployments.packagedWar("gateway.war", all));
  }

  /**
   * Waits until the gateway lists every one of {@code services}: its catalogue was loaded from the
   * registry.
   */
  static void awaitRoutes(String... services) {
    String[] names =
        Arrays.stream(services)
            .map(service -> "\"name\":\"" + service + "\"")
            .toArray(String[]::new);
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .untilAsserted(() -> assertThat(Http.get(URL + "/").body()).contains(names));
  }

  static HttpRequest.Builder request(String path) {
    return Http.request(URL + path);
  }

  static HttpRequest.Builder get(String path) {
    return request(path).GET();
  }

  static HttpResponse<String> send(HttpRequest.Builder request) {
    return Http.send(request);
  }

  /**
   * GET {@code path} as if through a proxy of client 203.0.113.9 (https, port 443): with its
   * forwarding headers, {@code forwardedHost} and the proxy's {@code via} entry.
   */
  static HttpResponse<String> getForwarded(String path, String forwardedHost, String via) {
    return send(
        get(path)
            .header("X-Forwarded-For", "203.0.113.9")
            .header("X-Forwarded-Proto", "https")
            .header("X-Forwarded-Host", forwardedHost)
            .header("X-Forwarded-Port", "443")
            .header("Forwarded", "for=203.0.113.9;proto=https")
            .header("Via", via));
  }

  /** Checks that {@code seen} carried exactly one of each forwarding header, with these values. */
  static void assertForwardingHeaders(
      RecordedRequest seen,
      String forwardedFor,
      String proto,
      String host,
      String port,
      String forwarded,
      String via) {
    assertThat(seen.headers().get("X-Forwarded-For")).containsExactly(forwardedFor);
    assertThat(seen.headers().get("X-Forwarded-Proto")).containsExactly(proto);
    assertThat(seen.headers().get("X-Forwarded-Host")).containsExactly(host);
    assertThat(seen.headers().get("X-Forwarded-Port")).containsExactly(port);
    assertThat(seen.headers().get("Forwarded")).containsExactly(forwarded);
    assertThat(seen.headers().get("Via")).containsExactly(via);
  }

  /**
   * The value of the application metric {@code name} whose labels contain every one of {@code
   * labels}, or 0.
   */
  static double metric(String name, String... labels) {
    String text = Http.get(URL + "/metrics?scope=application").body();
    Pattern samplePattern = Pattern.compile("^" + name + "\\{([^}]*)} ([0-9.Ee+-]+)$");
    for (String line : text.split("\n")) {
      Matcher sample = samplePattern.matcher(line);
      if (sample.matches() && Arrays.stream(labels).allMatch(sample.group(1)::contains)) {
        return Double.parseDouble(sample.group(2));
      }
    }
    return 0;
  }
}
