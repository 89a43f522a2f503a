package org.servicegrid.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.servicegrid.testsupport.ServiceInfoJson.serviceInfo;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.servicegrid.testsupport.EvictionBound;
import org.servicegrid.testsupport.FakeInstance;
import org.servicegrid.testsupport.TestTokens;

/**
 * The visit walkthrough on a system of its own in TLS mode ({@code SERVICEGRID_TLS=true}, ports
 * 20700..20703): every server listens on HTTPS only, with the keystore {@code
 * scripts/ensure-tls.sh} made in the install's {@code servicegrid-tls} directory, and calls the
 * others over HTTPS (registrations, heart-beats, notices, forwards, log calls). A client trusting
 * that directory's authority counts visits 1, 2, 3 through the gateway; a plain HTTP request gets
 * no answer, and a client trusting only the JDK's authorities is refused.
 */
@Order(-2)
@StartsItsOwnSystem
class TlsWalkthroughIT {

  /** The registry's default heart-beat settings, which TLS mode must hold to as plain HTTP does. */
  private static final EvictionBound HEART_BEATS = EvictionBound.DEFAULT_SETTINGS;

  private static final ServerInstance REGISTRY =
      Server.REGISTRY.instance(
          "tls-registry",
          20700,
          Map.of(
              "SERVICEGRID_TLS",
              "true",
              "REGISTRY_CLUSTER_PORT",
              "20750",
              "REGISTRY_CLUSTER_MEMBERS",
              "127.0.0.1:20750",
              "REGISTRY_NOTIFY_CONNECT_TIMEOUT",
              "5000",
              "REGISTRY_NOTIFY_READ_TIMEOUT",
              "10000"));

  private static final Map<String, String> SERVICE =
      Map.of("SERVICEGRID_TLS", "true", "REGISTRY_URLS", "https://127.0.0.1:20700");
  private static final ServerInstance GATEWAY =
      Server.GATEWAY.instance("tls-gateway", 20701, SERVICE);
  private static final ServerInstance LOG = Server.LOG.instance("tls-log", 20702, SERVICE);
  private static final ServerInstance VISIT = Server.VISIT.instance("tls-visit", 20703, SERVICE);
  private static final List<ServerInstance> SERVICES = List.of(LOG, VISIT, GATEWAY);

  private static final Pattern NOTIFICATION_FAILURES =
      Pattern.compile("(?m)^registry_notification_failures_total\\{.*} (\\S+)$");

  private static Path tlsDir;
  private static HttpClient trusting;

  @BeforeAll
  static void startTheSystemOnHttps() throws Exception {
    tlsDir = TlsFiles.ensure();
    trusting = client(TlsFiles.trustOnly(tlsDir));
    REGISTRY.deleteOutput();
    SERVICES.forEach(ServerInstance::deleteOutput);
    REGISTRY.start();
    awaitReady(REGISTRY);
    InParallel.forEach(SERVICES, ServerInstance::start);
    SERVICES.forEach(TlsWalkthroughIT::awaitReady);
    Server.awaitUntilStarted(
        () ->
            assertThat(get(GATEWAY, "/").body())
                .contains("\"name\":\"log\"", "\"name\":\"visit\""));
  }

  @AfterAll
  static void stopTheSystem() {
    InParallel.forEach(SERVICES, ServerInstance::stop);
    REGISTRY.stop();
  }

  @Test
  void threeVisitsThroughTheGatewayOverHttpsCountOneTwoThreeAndAreLogged() throws Exception {
    for (int expected = 1; expected <= 3; expected++) {
      HttpResponse<String> visit = get(GATEWAY, "/visit/");
      assertThat(visit.statusCode()).as("GET %s", url(GATEWAY, "/visit/")).isEqualTo(200);
      assertThat(visit.body().trim()).isEqualTo(Integer.toString(expected));
    }

    List<LogLine> lines = LOG.logLines().stream().map(LogLine::parse).toList();
    assertThat(lines).extracting(LogLine::count).containsExactly(1L, 2L, 3L);
    assertThat(lines).extracting(LogLine::caller).containsOnly("visit");
    assertThat(get(LOG, "/log?tail=3").body()).contains("visit 1", "visit 2", "visit 3");
  }

  @Test
  void theRegistryHeartBeatsEveryServiceOverHttps() {
    await()
        .atMost(HEART_BEATS.bound())
        .pollInterval(Duration.ofMillis(250))
        .untilAsserted(
            () -> {
              String instances = get(REGISTRY, "/instances").body();
              for (ServerInstance service : SERVICES) {
                assertThat(instances).contains("\"Addr\":\"127.0.0.1:" + service.port() + "\"");
              }
              assertThat(instances)
                  .doesNotContain("\"lastHeartBeat\":null")
                  .doesNotContain("\"state\":\"DOWN\"");
            });
  }

  /**
   * A "log" instance that speaks plain HTTP, registered over HTTPS: the registry's notices of it
   * reach the gateway over HTTPS (its client library logs the instance added, and removed), its
   * heart-beats over HTTPS fail, so it is evicted; it never received a request it could read.
   */
  @Test
  void noticesTravelOverHttpsAndAnInstanceWithoutTlsIsEvicted() throws Exception {
    try (FakeInstance plain = new FakeInstance()) {
      assertThat(register(serviceInfo("log", plain.addr()), "log").statusCode())
          .as("POST %s", url(REGISTRY, "/services"))
          .isEqualTo(200);

      Path gatewayLog = GATEWAY.outputRoot().resolve("gateway/logs/messages.log");
      // The add notice is logged "added", or "re-announced" when a re-registration of the gateway
      // (it follows
      // every service the earlier tests registered) brought the instance first: either way the
      // notice arrived.
      await()
          .atMost(HEART_BEATS.bound())
          .pollInterval(Duration.ofMillis(250))
          .untilAsserted(
              () -> {
                assertThat(get(REGISTRY, "/services/log").body()).doesNotContain(plain.addr());
                String notices = Files.readString(gatewayLog);
                assertThat(notices)
                    .as("the gateway's add notice of %s", plain.addr())
                    .containsAnyOf(
                        "Instance log@" + plain.addr() + " added",
                        "Instance log@" + plain.addr() + " re-announced");
                assertThat(notices)
                    .as("the gateway's remove notice of %s", plain.addr())
                    .contains("Instance log@" + plain.addr() + " removed");
              });
      assertThat(plain.heartBeats())
          .as("plain HTTP heart-beats the fake instance received")
          .isZero();
    }
  }

  /**
   * An instance that answers everything with 200 over TLS, with a certificate the servers'
   * authority signed but for another host name: the registry's heart-beats refuse it (it is
   * evicted) and so do its notices (counted as failures); it never receives a request.
   */
  @Test
  void aTrustedCertificateThatDoesNotNameTheHostIsRefused(@TempDir Path work) throws Exception {
    HttpsServer elsewhere = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    elsewhere.setHttpsConfigurator(
        new HttpsConfigurator(TlsFiles.serverCertifiedFor(tlsDir, "dns:elsewhere.example", work)));
    AtomicInteger requests = new AtomicInteger();
    elsewhere.createContext(
        "/",
        exchange -> {
          requests.incrementAndGet();
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    elsewhere.start();
    try {
      String addr = "127.0.0.1:" + elsewhere.getAddress().getPort();
      double failuresBefore = notificationFailures();
      assertThat(register(serviceInfo("elsewhere", addr, "tls-probe"), "elsewhere").statusCode())
          .as("registration of elsewhere")
          .isEqualTo(200);
      assertThat(register(serviceInfo("tls-probe", "127.0.0.1:9"), "tls-probe").statusCode())
          .as("registration of tls-probe, which elsewhere requires")
          .isEqualTo(200);

      await()
          .atMost(HEART_BEATS.bound())
          .pollInterval(Duration.ofMillis(250))
          .untilAsserted(
              () -> {
                assertThat(get(REGISTRY, "/services/elsewhere").body())
                    .as("elsewhere, evicted")
                    .isEqualTo("[]");
                assertThat(notificationFailures())
                    .as("notices that failed")
                    .isGreaterThan(failuresBefore);
              });
      assertThat(requests).as("requests elsewhere received").hasValue(0);
    } finally {
      elsewhere.stop(0);
    }
  }

  @Test
  void aPlainHttpRequestToATlsServerGetsNoAnswer() throws Exception {
    HttpClient plainClient = client(SSLContext.getDefault());
    for (ServerInstance server : List.of(REGISTRY, GATEWAY, LOG, VISIT)) {
      String plain = "http://127.0.0.1:" + server.port() + "/health/ready";
      assertThatThrownBy(
              () -> plainClient.send(request(plain), HttpResponse.BodyHandlers.ofString()))
          .as("GET %s", plain)
          .isInstanceOf(IOException.class);
    }
  }

  @Test
  void aClientThatDoesNotTrustTheAuthorityIsRefused() throws Exception {
    HttpClient jdkDefaults = client(SSLContext.getDefault());

    assertThatThrownBy(
            () ->
                jdkDefaults.send(
                    request(url(GATEWAY, "/visit/")), HttpResponse.BodyHandlers.ofString()))
        .as("GET %s trusting the JDK's authorities only", url(GATEWAY, "/visit/"))
        .isInstanceOf(SSLHandshakeException.class);
  }

  private static String url(ServerInstance server, String path) {
    return "https://127.0.0.1:" + server.port() + path;
  }

  private static HttpResponse<String> get(ServerInstance server, String path) throws Exception {
    return trusting.send(request(url(server, path)), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> register(String serviceInfo, String tokenSubject)
      throws Exception {
    return trusting.send(
        HttpRequest.newBuilder(URI.create(url(REGISTRY, "/services")))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + TestTokens.forService(tokenSubject))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(serviceInfo))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static double notificationFailures() throws Exception {
    Matcher failures =
        NOTIFICATION_FAILURES.matcher(get(REGISTRY, "/metrics?scope=application").body());
    return failures.find() ? Double.parseDouble(failures.group(1)) : 0;
  }

  private static HttpRequest request(String url) {
    return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build();
  }

  private static void awaitReady(ServerInstance server) {
    Server.awaitUntilStarted(
        () ->
            assertThat(get(server, "/health/ready").statusCode())
                .as(url(server, "/health/ready"))
                .isEqualTo(200));
  }

  private static HttpClient client(SSLContext tls) {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .sslContext(tls)
        .build();
  }
}
