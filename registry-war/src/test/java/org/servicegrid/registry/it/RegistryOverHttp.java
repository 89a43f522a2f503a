package org.servicegrid.registry.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.servicegrid.testsupport.Http;
import org.servicegrid.testsupport.TestTokens;

/**
 * What the tests that drive the deployed registry over HTTP, as its clients do, share: the
 * deployment's URL and the calls they all make. Each test class declares its own
 * {@code @Deployment}, with the settings it needs.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
abstract class RegistryOverHttp {

  /** The WAR's context root, ending in a slash. */
  @ArquillianResource URL base;

  /**
   * An admin token (may act for any name), signed once per test class with the build's private key.
   */
  static final String ADMIN = TestTokens.admin();

  void register(String info) {
    Http.assertStatus(post(info), 200);
  }

  void deregister(String info) {
    Http.assertStatus(delete(info), 200);
  }

  /** {@code POST /services} with the admin token, as a service with its own token would. */
  HttpResponse<String> post(String info) {
    return TestTokens.send("POST", base + "services", info, ADMIN);
  }

  HttpResponse<String> delete(String info) {
    return TestTokens.send("DELETE", base + "services", info, ADMIN);
  }

  /**
   * The server root: health, metrics and openapi are served there, not under the WAR's context
   * root.
   */
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
