package org.servicegrid.client.it;

import java.io.File;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ExplodedImporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.servicegrid.client.it.probe.ProbeResource;
import org.servicegrid.protocol.ServiceInfo;
import org.servicegrid.testsupport.Deployments;

/**
 * Builds the test WAR: the packaged registry-client jar and the registry-protocol jar in
 * WEB-INF/lib, as in every service WAR, plus a probe resource, served at the context root because
 * the protocol's callback paths ({@code /services}, {@code /heart-beat}) are absolute.
 */
final class ProbeWar {

  static final String ADDR = "127.0.0.1:" + System.getProperty("arquillian.http.port", "29180");
  static final String BASE = "http://" + ADDR;

  private ProbeWar() {}

  /** The URL of {@code path} on the test server. */
  static String url(String path) {
    return BASE + path;
  }

  static WebArchive of(String name, String registryUrl, Map<String, String> config) {
    StringBuilder properties =
        new StringBuilder()
            .append("service.name=")
            .append(name)
            .append('\n')
            .append("service.address=")
            .append(ADDR)
            .append('\n')
            .append("registry.url=")
            .append(registryUrl)
            .append('\n')
            // short timings so the self-healing scenarios finish quickly
            .append("registry.client.registry-silence=2000\n")
            .append("registry.client.retry.max-delay=1000\n");
    properties.append(
        config.entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue() + "\n")
            .collect(Collectors.joining()));
    return Deployments.atRoot(ShrinkWrap.create(WebArchive.class, name + ".war"))
        .addPackage(ProbeResource.class.getPackage())
        .addAsResource(
            new StringAsset(properties.toString()), "META-INF/microprofile-config.properties")
        .addAsLibrary(
            ShrinkWrap.createFromZipFile(
                JavaArchive.class, new File(System.getProperty("registry.client.jar"))))
        .addAsLibrary(protocolJar());
  }

  /**
   * registry-protocol from the test class path: a jar from the local repository or a reactor
   * directory.
   */
  private static JavaArchive protocolJar() {
    try {
      File location =
          new File(ServiceInfo.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return location.isDirectory()
          ? ShrinkWrap.create(ExplodedImporter.class, "registry-protocol.jar")
              .importDirectory(location)
              .as(JavaArchive.class)
          : ShrinkWrap.createFromZipFile(JavaArchive.class, location);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
