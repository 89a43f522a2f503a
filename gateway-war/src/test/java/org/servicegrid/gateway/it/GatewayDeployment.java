package org.servicegrid.gateway.it;

import java.util.LinkedHashMap;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.servicegrid.testsupport.Deployments;
import org.servicegrid.testsupport.Http;

/** The packaged gateway WAR as the integration tests deploy it: at the server root, pointed at a fake registry. */
final class GatewayDeployment {

  /** {@code 127.0.0.1:port} of the Arquillian test server. */
  static final String HOST = "127.0.0.1:" + System.getProperty("arquillian.http.port");
  static final String URL = "http://" + HOST;

  private GatewayDeployment() {}

  /**
   * @param registryUrl the fake registry's URL
   * @param settings    {@code key=value} for the gateway's configuration
   */
  static WebArchive of(String registryUrl, String... settings) {
    Map<String, String> all = new LinkedHashMap<>(Map.of("registry.url", registryUrl, "service.address", HOST));
    for (String setting : settings) {
      int equals = setting.indexOf('=');
      all.put(setting.substring(0, equals), setting.substring(equals + 1));
    }
    return Deployments.atRoot(Deployments.packagedWar("gateway.war", all));
  }

  /** The value of the application metric {@code name} whose labels contain every one of {@code labels}, or 0. */
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
