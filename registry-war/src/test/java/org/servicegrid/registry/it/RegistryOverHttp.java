package org.servicegrid.registry.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.servicegrid.testsupport.Http;

/**
 * What the tests that drive the deployed registry over HTTP, as its clients do, share: the deployment's URL and
 * the calls they all make. Each test class declares its own {@code @Deployment}, with the settings it needs.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
abstract class RegistryOverHttp {

  /** The WAR's context root, ending in a slash. */
  @ArquillianResource URL base;

  void register(String info) {
    Http.assertStatus(Http.post(base + "services", info), 200);
  }

  void deregister(String info) {
    Http.assertStatus(Http.delete(base + "services", info), 200);
  }

  /** The server root: health, metrics and openapi are served there, not under the WAR's context root. */
  String root() {
    return base.getProtocol() + "://" + base.getHost() + ":" + base.getPort() + "/";
  }

  /** The Prometheus text of the server's application metrics, asserting the call answered 200. */
  String applicationMetrics() {
    HttpResponse<String> response = Http.get(root() + "metrics?scope=application");
    assertThat(response.statusCode()).as("GET metrics of %s", base).isEqualTo(200);
    return response.body();
  }
}
