package org.servicegrid.client.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.servicegrid.testsupport.FakeRegistry;

/** Undeploying a service WAR deregisters it, with its ServiceInfo as the DELETE body. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DeregistrationIT {

  private static final String DEPLOYMENT = "leaving";
  private static final FakeRegistry REGISTRY =
      FakeRegistry.create().heartBeating(ProbeWar.ADDR).start();

  @ArquillianResource Deployer deployer;

  @Deployment(name = DEPLOYMENT, managed = false, testable = false)
  static WebArchive deployment() {
    return ProbeWar.of(DEPLOYMENT, REGISTRY.url(), Map.of("service.required", "log"));
  }

  @AfterAll
  static void stopRegistry() {
    REGISTRY.close();
  }

  @Test
  void deregistersWithItsServiceInfoWhenUndeployed() {
    deployer.deploy(DEPLOYMENT);
    await().atMost(Duration.ofSeconds(30)).until(() -> !REGISTRY.registrations().isEmpty());
    assertThat(REGISTRY.deregistrations()).isEmpty();

    deployer.undeploy(DEPLOYMENT);

    await().atMost(Duration.ofSeconds(30)).until(() -> !REGISTRY.deregistrations().isEmpty());
    JsonObject body = REGISTRY.deregistrations().get(0).json();
    assertThat(body.getString("Name")).isEqualTo(DEPLOYMENT);
    assertThat(body.getString("Addr")).isEqualTo(ProbeWar.ADDR);
    assertThat(body.getJsonArray("RequiredServices").getString(0)).isEqualTo("log");
  }
}
