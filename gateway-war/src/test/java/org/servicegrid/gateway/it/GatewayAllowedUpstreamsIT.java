package org.servicegrid.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicegrid.gateway.it.GatewayDeployment.awaitRoutes;
import static org.servicegrid.gateway.it.GatewayDeployment.get;
import static org.servicegrid.gateway.it.GatewayDeployment.send;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.http.HttpResponse;
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
import org.servicegrid.testsupport.Reply;

/**
 * {@code gateway.allowed-upstreams} set to 127.0.0.1 only: an instance registered by a name that
 * resolves there is forwarded to; one at 127.0.0.2 (a real upstream listens there, and the
 * registry's default would admit it) is refused with a 502 naming the address and the setting, and
 * receives nothing.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class GatewayAllowedUpstreamsIT {

  private static final FakeRegistry REGISTRY = FakeRegistry.started();
  private static final FakeHttpServer INSIDE = FakeUpstream.echoing("inside");
  private static final FakeHttpServer OUTSIDE =
      FakeHttpServer.startedAt(loopback("127.0.0.2")).otherwise(Reply.text(200, "reached"));

  @Deployment(testable = false)
  static WebArchive deployment() {
    REGISTRY.put("inside", "localhost:" + INSIDE.port());
    REGISTRY.put("outside", OUTSIDE.addr());
    return GatewayDeployment.of(
        REGISTRY.url(), "gateway.allowed-upstreams=127.0.0.1/32, ::1", "gateway.retries=2");
  }

  @BeforeAll
  static void awaitCatalogue() {
    awaitRoutes("inside", "outside");
  }

  @AfterAll
  static void stopFakes() {
    INSIDE.close();
    OUTSIDE.close();
    REGISTRY.close();
  }

  @Test
  void anInstanceWhoseNameResolvesToAnAllowedAddressIsForwardedTo() {
    HttpResponse<String> answer = send(get("/inside/hello"));

    assertThat(answer.statusCode()).as("GET /inside/hello: %s", answer.body()).isEqualTo(200);
    assertThat(answer.headers().firstValue("X-Upstream")).hasValue("inside");
  }

  @Test
  void anInstanceAtAnAddressOutsideIs502AndReceivesNothing() {
    HttpResponse<String> answer = send(get("/outside/hello"));

    assertThat(answer.statusCode()).as("GET /outside/hello: %s", answer.body()).isEqualTo(502);
    assertThat(Http.json(answer).asJsonObject().getString("error"))
        .isEqualTo("upstream 127.0.0.2, which gateway.allowed-upstreams does not allow");
    assertThat(OUTSIDE.requests()).isEmpty();
  }

  private static InetAddress loopback(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }
}
