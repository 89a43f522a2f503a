package org.servicegrid.gateway.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.ws.rs.ProcessingException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.servicegrid.client.ServiceDirectory;
import org.servicegrid.client.ServiceRegistration;
import org.servicegrid.gateway.catalog.ServiceCatalog.Lookup;
import org.servicegrid.protocol.InvalidRequestException;
import org.servicegrid.protocol.ServiceInfo;

class ServiceCatalogTest {

  private static final Duration WAIT = Duration.ofSeconds(20);

  private final FakeRegistry registry = new FakeRegistry();
  private final RecordingRegistration registration = new RecordingRegistration();

  @Test
  void routesAKnownNameWithoutAskingTheRegistryAgain() {
    ServiceCatalog catalog = loadedWith("visit");

    assertThat(catalog.lookup("visit")).isEqualTo(Lookup.ROUTABLE);
    assertThat(catalog.lookup("visit")).isEqualTo(Lookup.ROUTABLE);
    assertThat(registry.calls).hasValue(1);
  }

  @Test
  void findsAServiceRegisteredSinceTheLastRefreshOnTheFirstRequest() {
    ServiceCatalog catalog = loadedWith("visit");
    registry.names = Set.of("visit", "log");

    assertThat(catalog.lookup("log")).isEqualTo(Lookup.ROUTABLE);
    assertThat(registration.required).containsExactly(Set.of("visit"), Set.of("log"));
  }

  @Test
  void answersUnknownForANameTheRegistryDoesNotList() {
    registry.names = Set.of("visit");
    ServiceCatalog catalog = catalog(5);

    assertThat(catalog.lookup("nosuch")).isEqualTo(Lookup.UNKNOWN);
  }

  @Test
  void limitsTheRefreshesThatUnknownNamesCause() {
    registry.names = Set.of("visit");
    ServiceCatalog catalog = catalog(2);

    for (int i = 0; i < 20; i++) {
      assertThat(catalog.lookup("nosuch-" + i)).isEqualTo(Lookup.UNKNOWN);
    }
    assertThat(registry.calls).hasValue(2);
  }

  @Test
  void neverAsksTheRegistryAboutAnInvalidName() {
    ServiceCatalog catalog = catalog(5);

    assertThat(catalog.lookup("a b")).isEqualTo(Lookup.UNKNOWN);
    assertThat(catalog.lookup("%2e%2e")).isEqualTo(Lookup.UNKNOWN);
    assertThat(registry.calls).hasValue(0);
  }

  @Test
  void keepsRoutingKnownNamesWhileTheRegistryIsDownButCannotRuleOutOthers() {
    ServiceCatalog catalog = loadedWith("visit");
    registry.down = true;

    assertThat(catalog.lookup("visit")).isEqualTo(Lookup.ROUTABLE);
    assertThat(catalog.lookup("other")).isEqualTo(Lookup.REGISTRY_UNREACHABLE);
    assertThat(catalog.snapshot().problem()).contains("unreachable");
    assertThat(catalog.snapshot().everLoaded()).isTrue();
  }

  @Test
  void cannotAnswerAnyNameBeforeTheFirstSuccessfulLoad() {
    registry.down = true;
    ServiceCatalog catalog = catalog(5);

    assertThat(catalog.lookup("visit")).isEqualTo(Lookup.REGISTRY_UNREACHABLE);
    assertThat(catalog.snapshot().everLoaded()).isFalse();
  }

  @Test
  void neverRoutesToItselfOrToTheReservedSegments() {
    registry.names = Set.of("gateway", "services", "heart-beat", "visit");
    ServiceCatalog catalog = catalog(5);

    assertThat(catalog.refresh().names()).containsExactly("visit");
    assertThat(registration.required).containsExactly(Set.of("visit"));
  }

  @Test
  void subscribesAgainAtTheNextRefreshWhenSubscribingFailed() {
    registry.names = Set.of("visit");
    registration.failNext = true;
    ServiceCatalog catalog = catalog(5);

    catalog.refresh();
    catalog.refresh();

    assertThat(registration.required).containsExactly(Set.of("visit"));
  }

  @Test
  void concurrentMissesShareOneRegistryCall() throws Exception {
    registry.names = Set.of("log");
    registry.gate = new CountDownLatch(1);
    ServiceCatalog catalog = catalog(5);
    ExecutorService lookups = Executors.newFixedThreadPool(2);
    try {
      Future<Lookup> first = lookups.submit(() -> catalog.lookup("log"));
      await().atMost(WAIT).until(() -> registry.calls.get() == 1);
      AtomicReference<Thread> secondThread = new AtomicReference<>();
      Future<Lookup> second =
          lookups.submit(
              () -> {
                secondThread.set(Thread.currentThread());
                return catalog.lookup("log");
              });
      // Only once the second lookup is blocked inside a refresh (waiting for the first one's, or
      // with a regression on the gate in a registry call of its own) may the first one finish.
      await().atMost(WAIT).until(() -> blockedInRefresh(secondThread.get()));
      registry.gate.countDown();

      assertThat(first.get(20, TimeUnit.SECONDS)).isEqualTo(Lookup.ROUTABLE);
      assertThat(second.get(20, TimeUnit.SECONDS)).isEqualTo(Lookup.ROUTABLE);
      assertThat(registry.calls).hasValue(1);
    } finally {
      registry.gate.countDown();
      lookups.shutdownNow();
    }
  }

  @Test
  void handsTheListedInstancesOfANewServiceToTheLibrary() {
    registry.names = Set.of("visit");
    ServiceCatalog catalog = catalog(5);

    catalog.refresh();

    assertThat(registration.listed).containsExactly(Map.of("visit", List.of(instanceOf("visit"))));
  }

  /** Whether {@code thread} waits (parked or on a latch) somewhere inside a catalog refresh. */
  private static boolean blockedInRefresh(Thread thread) {
    if (thread == null) {
      return false;
    }
    Thread.State state = thread.getState();
    return (state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING)
        && Arrays.stream(thread.getStackTrace())
            .anyMatch(
                frame ->
                    frame.getClassName().equals(ServiceCatalog.class.getName())
                        && frame.getMethodName().equals("refresh"));
  }

  private static ServiceInfo instanceOf(String name) {
    return ServiceInfo.of(name, "127.0.0.1:" + (1000 + Math.abs(name.hashCode() % 1000)));
  }

  /** A catalog that has loaded the registry's list once, when the registry listed {@code names}. */
  private ServiceCatalog loadedWith(String... names) {
    registry.names = Set.of(names);
    ServiceCatalog catalog = catalog(5);
    catalog.refresh();
    return catalog;
  }

  private ServiceCatalog catalog(int missRefreshRate) {
    ServiceCatalog catalog = new ServiceCatalog();
    catalog.registry = registry;
    catalog.registration = registration;
    catalog.settings =
        new CatalogSettings(Duration.ofSeconds(5), Duration.ofSeconds(1), missRefreshRate);
    catalog.init();
    return catalog;
  }

  private static final class FakeRegistry extends ServiceDirectory {
    final AtomicInteger calls = new AtomicInteger();
    volatile Set<String> names = Set.of();
    volatile boolean down;
    volatile CountDownLatch gate;

    @Override
    public Map<String, List<ServiceInfo>> services() {
      calls.incrementAndGet();
      try {
        if (gate != null && !gate.await(20, TimeUnit.SECONDS)) {
          throw new IllegalStateException("test gate never opened");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (down) {
        throw new ProcessingException("Connection refused");
      }
      Map<String, List<ServiceInfo>> services = new HashMap<>();
      names.forEach(name -> services.put(name, List.of(instanceOf(name))));
      return services;
    }

    @Override
    public String registryUrl() {
      return "http://127.0.0.1:1";
    }
  }

  private static final class RecordingRegistration extends ServiceRegistration {
    final List<Set<String>> required = new ArrayList<>();
    final List<Map<String, List<ServiceInfo>>> listed = new ArrayList<>();
    boolean failNext;

    @Override
    public ServiceInfo self() {
      return ServiceInfo.of("gateway", "127.0.0.1:20001");
    }

    @Override
    public synchronized void requireServices(Map<String, List<ServiceInfo>> services) {
      if (failNext) {
        failNext = false;
        throw new InvalidRequestException("cannot require more than 256 services");
      }
      required.add(Set.copyOf(services.keySet()));
      listed.add(Map.copyOf(services));
    }
  }
}
