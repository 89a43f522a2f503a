package org.servicegrid.registry.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.servicegrid.testsupport.ServiceInfoJson.serviceInfo;

import java.net.InetAddress;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.servicegrid.testsupport.FakeHttpServer;
import org.servicegrid.testsupport.FakeInstance;
import org.servicegrid.testsupport.Http;

/**
 * {@code registry.allowed-addresses} set to the caller's own address and one documentation range
 * (no loopback): the test, calling from 127.0.0.1, may register itself there and at a name that
 * resolves there; any other address, even 127.0.0.2, answers 400, lists nothing and notifies no
 * dependent. The documentation addresses admitted are never contacted: heart-beats are rare and
 * nothing registered there requires a service.
 */
class AllowedAddressesIT extends RegistryOverHttp {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @Deployment(testable = false)
  static WebArchive deployment() {
    return RegistryDeployment.withSettings(
        "registry.heartbeat.period", "600000",
        "registry.allowed-addresses", "caller, 198.51.100.0/24");
  }

  @Test
  void aRegistrationOutsideIs400ListsNothingAndNotifiesNoDependent() throws Exception {
    try (FakeInstance dependent = new FakeInstance();
        FakeInstance instance = new FakeInstance();
        FakeHttpServer otherLoopback =
            FakeHttpServer.startedAt(InetAddress.getByName("127.0.0.2"))) {
      register(serviceInfo("aa-front", dependent.addr(), "aa-svc")); // the caller's own address

      assertRefused(
          post(serviceInfo("aa-svc", "203.0.113.5:80")),
          "Addr '203.0.113.5:80' may not be registered: 203.0.113.5, which"
              + " registry.allowed-addresses does not allow");
      assertRefused(
          post(serviceInfo("aa-svc", "nosuch.invalid:80")),
          "Addr 'nosuch.invalid:80' may not be registered: nosuch.invalid does not resolve");
      assertRefused(
          post(serviceInfo("aa-svc", otherLoopback.addr())),
          otherLoopback.addr().replaceAll(":[0-9]+$", "") + ", which registry.allowed-addresses");
      assertThat(Http.get(base + "services/aa-svc").body()).isEqualTo("[]");

      // Notices to one dependent keep their order: once this one arrived, none came before it.
      register(serviceInfo("aa-svc", instance.addr()));
      await().atMost(WAIT).until(() -> !dependent.notices().isEmpty());
      assertThat(dependent.notices())
          .extracting(n -> n.method() + " " + n.json().getString("Addr"))
          .containsExactly("POST " + instance.addr());
      assertThat(otherLoopback.requests()).isEmpty();

      deregister(serviceInfo("aa-svc", instance.addr()));
      deregister(serviceInfo("aa-front", dependent.addr()));
    }
  }

  @Test
  void aNameIsAdmittedByTheAddressItResolvesTo() {
    register(serviceInfo("aa-named", "localhost:7401")); // 127.0.0.1: the caller's

    assertThat(Http.get(base + "services/aa-named").body()).contains("localhost:7401");
    deregister(serviceInfo("aa-named", "localhost:7401"));
  }

  @Test
  void aWiderSettingAdmitsItsRanges() {
    register(serviceInfo("aa-wide", "198.51.100.7:80"));

    assertThat(Http.get(base + "services/aa-wide").body()).contains("198.51.100.7:80");
    deregister(serviceInfo("aa-wide", "198.51.100.7:80"));
  }

  private static void assertRefused(HttpResponse<String> response, String reason) {
    Http.assertStatus(response, 400);
    assertThat(Http.json(response).asJsonObject().getString("error")).contains(reason);
  }
}
