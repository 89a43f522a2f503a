package org.servicegrid.gateway.it;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The packaged gateway WAR as the integration tests deploy it: at the server root, with a config source
 * (ordinal above the WAR's own) that points it at a fake registry and sets the test's own values.
 */
final class GatewayDeployment {

  /** {@code 127.0.0.1:port} of the Arquillian test server. */
  static final String HOST = "127.0.0.1:" + System.getProperty("arquillian.http.port");
  static final String URL = "http://" + HOST;

  private GatewayDeployment() {}

  /**
   * @param registryUrl the fake registry's URL
   * @param settings    {@code key=value} lines for the gateway's configuration
   */
  static WebArchive of(String registryUrl, String... settings) {
    List<String> lines = new ArrayList<>(List.of(
        "config_ordinal=200", "registry.url=" + registryUrl, "service.address=" + HOST));
    lines.addAll(List.of(settings));
    lines.add("");
    JavaArchive testConfig = ShrinkWrap.create(JavaArchive.class, "it-config.jar")
        .addAsManifestResource(new StringAsset(String.join("\n", lines)), "microprofile-config.properties");
    return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("gateway.war")))
        .addAsLibrary(testConfig)
        .addAsWebInfResource(new StringAsset("<web-ext xmlns=\"http://websphere.ibm.com/xml/ns/javaee\" "
            + "version=\"1.1\"><context-root uri=\"/\"/></web-ext>"), "ibm-web-ext.xml");
  }
}
