package org.servicegrid.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicegrid.gateway.it.GatewayDeployment.awaitRoutes;
import static org.servicegrid.gateway.it.GatewayDeployment.get;
import static org.servicegrid.gateway.it.GatewayDeployment.send;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.servicegrid.testsupport.FakeHttpServer;
import org.servicegrid.testsupport.FakeRegistry;
import org.servicegrid.testsupport.FakeUpstream;
import org.servicegrid.testsupport.Http;

/**
 * {@code gateway.canary.fallback=false}: a request meant for a version none of whose instances is
 * there (the canary's share, a tester's header) is answered 503 {@code {"error": ...}} and the
 * other instances receive nothing of it; the rest of the requests go to them as usual.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class GatewayCanaryStrictIT {

  private static final String HEADER = "X-Servicegrid-Version";

  private static final FakeRegistry REGISTRY = FakeRegistry.started();
  private static final FakeHttpServer LONE = FakeUpstream.echoing("lone");

  @Deployment(testable = false)
  static WebArchive deployment() {
    REGISTRY.putWithMeta("lonely", LONE.addr(), Map.of("version", "1.0"));
    return GatewayDeployment.of(
        REGISTRY.url(),
        "gateway.canary=lonely=3.0@50",
        "gateway.canary.fallback=false",
        "gateway.version-header.allowed-from=127.0.0.1/32");
  }

  @BeforeAll
  static void awaitCatalogue() {
    awaitRoutes("lonely");
  }

  @AfterAll
  static void stopFakes() {
    LONE.close();
    REGISTRY.close();
  }

  @Test
  void theCanarysShareIs503WhileTheRestReachesTheOtherInstances() {
    int before = LONE.requests().size();
    List<HttpResponse<String>> answers =
        IntStream.range(0, 20).mapToObj(i -> send(get("/lonely/hello"))).toList();

    List<HttpResponse<String>> refused =
        answers.stream().filter(answer -> answer.statusCode() == 503).toList();
    assertThat(refused).hasSize(10);
    assertThat(Http.json(refused.get(0)).asJsonObject().getString("error"))
        .isEqualTo("no live instance of version '3.0' of service 'lonely'");
    assertThat(answers.stream().filter(answer -> answer.statusCode() == 200)).hasSize(10);
    assertThat(LONE.requests()).hasSize(before + 10);
  }

  @Test
  void aTestersVersionWithoutInstanceIs503AndOneWithAnInstanceReachesIt() {
    HttpResponse<String> missing = send(get("/lonely/hello").header(HEADER, "7.7"));
    HttpResponse<String> present = send(get("/lonely/hello").header(HEADER, "1.0"));

    assertThat(missing.statusCode()).as("asking 7.7: %s", missing.body()).isEqualTo(503);
    assertThat(Http.json(missing).asJsonObject().getString("error"))
        .isEqualTo("no live instance of version '7.7' of service 'lonely'");
    assertThat(present.statusCode()).as("asking 1.0: %s", present.body()).isEqualTo(200);
    assertThat(present.headers().firstValue("X-Upstream")).hasValue("lone");
  }
}
