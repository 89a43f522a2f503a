package org.servicegrid.testsupport;

import java.io.File;
import java.util.Map;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * WARs for Arquillian deployments: a module's real artifact with the test's settings, and the
 * context root that the product servers give every WAR.
 */
public final class Deployments {

  private Deployments() {}

  /**
   * The WAR the build packaged, its path in the system property {@code warProperty}, plus a config
   * source that outranks the WAR's own (ordinal 200) holding {@code settings}.
   */
  public static WebArchive packagedWar(String warProperty, Map<String, String> settings) {
    StringBuilder properties = new StringBuilder("config_ordinal=200\n");
    settings.forEach((key, value) -> properties.append(key).append('=').append(value).append('\n'));
    JavaArchive config =
        ShrinkWrap.create(JavaArchive.class, "it-config.jar")
            .addAsManifestResource(
                new StringAsset(properties.toString()), "microprofile-config.properties");
    return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty(warProperty)))
        .addAsLibrary(config);
  }

  /**
   * Serves {@code war} at the server root, where the protocol's callbacks and the services' paths
   * are.
   */
  public static WebArchive atRoot(WebArchive war) {
    return war.addAsWebInfResource(
        new StringAsset(
            "<web-ext xmlns=\"http://websphere.ibm.com/xml/ns/javaee\""
                + " version=\"1.0\"><context-root uri=\"/\"/></web-ext>"),
        "ibm-web-ext.xml");
  }
}
