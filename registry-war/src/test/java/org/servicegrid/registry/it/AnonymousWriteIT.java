package org.servicegrid.registry.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicegrid.testsupport.ServiceInfoJson.serviceInfo;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.servicegrid.testsupport.Http;
import org.servicegrid.testsupport.TestTokens;

/**
 * {@code registry.auth.anonymous-from} admits callers of the original protocol (no token) from its
 * ranges; a token that is presented must still be valid.
 */
class AnonymousWriteIT extends RegistryOverHttp {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return RegistryDeployment.withSettings(
        "registry.heartbeat.period",
        "600000",
        "registry.auth.anonymous-from",
        "127.0.0.1/32, ::1/128");
  }

  @Test
  void aLoopbackCallerWithoutATokenRegistersAndDeregistersAnyName() {
    String info = serviceInfo("anon-old", "127.0.0.1:7401");

    Http.assertStatus(Http.post(base + "services", info), 200);
    assertThat(Http.get(base + "services/anon-old").body()).contains("127.0.0.1:7401");

    Http.assertStatus(Http.delete(base + "services", info), 200);
    assertThat(Http.get(base + "services/anon-old").body()).isEqualTo("[]");
  }

  @Test
  void aPresentedTokenMustStillBeValid() {
    String info = serviceInfo("anon-bad", "127.0.0.1:7402");

    Http.assertStatus(
        TestTokens.send("POST", base + "services", info, TestTokens.expired("anon-bad")), 401);
    assertThat(Http.get(base + "services/anon-bad").body()).isEqualTo("[]");
  }
}
