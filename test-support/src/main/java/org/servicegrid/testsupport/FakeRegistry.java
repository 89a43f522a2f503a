package org.servicegrid.testsupport;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A registry as a service sees it, on a {@link FakeHttpServer}, with a table the test fills ({@link
 * #put}): {@code POST /services} is answered with the live instances of the registrant's required
 * services, {@code GET /services} with the whole table, {@code DELETE /services} with 200.
 * Optionally it heart-beats the one instance under test while that is registered; like the real
 * registry it forgets the instance when it stops, and beats again only once the instance registered
 * anew.
 */
public final class FakeRegistry implements AutoCloseable {

  private static final Duration BEAT_PERIOD = Duration.ofMillis(300);

  private final FakeHttpServer server;
  private final Map<String, List<JsonObject>> table = new ConcurrentSkipListMap<>();
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "fake-registry-heart-beats");
            thread.setDaemon(true);
            return thread;
          });
  private volatile String beaten;
  private volatile boolean knowsInstance;
  private ScheduledFuture<?> beating;

  private FakeRegistry(FakeHttpServer server) {
    this.server = server;
    server.on(
        "POST",
        "/services",
        request -> {
          knowsInstance = true;
          return Reply.json(200, table(required(request)));
        });
    server.on("GET", "/services", request -> Reply.json(200, table(table.keySet())));
    server.on(
        "DELETE",
        "/services",
        request -> {
          knowsInstance = false;
          return Reply.json(200, "{}");
        });
  }

  /** A registry listening at once. */
  public static FakeRegistry started() {
    return new FakeRegistry(FakeHttpServer.started());
  }

  /**
   * A registry whose URL is known but which listens only once {@link #start()}ed: one that comes up
   * late.
   */
  public static FakeRegistry create() {
    return new FakeRegistry(FakeHttpServer.create());
  }

  /**
   * Heart-beats {@code http://instanceAddr/heart-beat} every 300 ms while that instance is
   * registered.
   */
  public FakeRegistry heartBeating(String instanceAddr) {
    beaten = instanceAddr;
    return this;
  }

  /** Starts (again) on the same port, knowing no instance yet. */
  public synchronized FakeRegistry start() {
    knowsInstance = false;
    server.start();
    if (beaten != null && beating == null) {
      beating =
          timer.scheduleWithFixedDelay(
              this::beat, 0, BEAT_PERIOD.toMillis(), TimeUnit.MILLISECONDS);
    }
    return this;
  }

  /** The registry goes away: connections are refused and heart-beats stop. */
  public synchronized void stop() {
    if (beating != null) {
      beating.cancel(false);
      beating = null;
    }
    server.stop();
  }

  @Override
  public void close() {
    stop();
    timer.shutdownNow();
    server.close();
  }

  public String url() {
    return server.url();
  }

  public FakeHttpServer server() {
    return server;
  }

  /**
   * Lists {@code name} with these instance addresses (none: known, but without a live instance).
   */
  public void put(String name, String... addrs) {
    table.put(name, Stream.of(addrs).map(addr -> ServiceInfoJson.object(name, addr)).toList());
  }

  /** Lists {@code name} with one instance at {@code addr} that has this Meta. */
  public void putWithMeta(String name, String addr, Map<String, String> meta) {
    putWithMeta(name, Map.of(addr, meta));
  }

  /** Lists {@code name} with one instance per address, each with its Meta, in the map's order. */
  public void putWithMeta(String name, Map<String, Map<String, String>> metaByAddr) {
    List<JsonObject> instances = new ArrayList<>();
    metaByAddr.forEach(
        (addr, meta) -> {
          String info = ServiceInfoJson.withMeta(ServiceInfoJson.serviceInfo(name, addr), meta);
          try (var reader = Json.createReader(new StringReader(info))) {
            instances.add(reader.readObject());
          }
        });
    table.put(name, List.copyOf(instances));
  }

  /** The registrations received ({@code POST /services}), in order. */
  public List<RecordedRequest> registrations() {
    return server.requests("POST", "/services");
  }

  public List<RecordedRequest> deregistrations() {
    return server.requests("DELETE", "/services");
  }

  /** The RequiredServices of the last registration received, empty before any. */
  public Set<String> lastRequired() {
    List<RecordedRequest> registrations = registrations();
    return registrations.isEmpty()
        ? Set.of()
        : Set.copyOf(required(registrations.get(registrations.size() - 1)));
  }

  private static List<String> required(RecordedRequest registration) {
    JsonArray names = registration.json().getJsonArray("RequiredServices");
    return names == null ? List.of() : names.getValuesAs(JsonString::getString);
  }

  private String table(Collection<String> names) {
    JsonObjectBuilder answer = Json.createObjectBuilder();
    for (String name : names) {
      var instances = Json.createArrayBuilder();
      table.getOrDefault(name, List.of()).forEach(instances::add);
      answer.add(name, instances);
    }
    return answer.build().toString();
  }

  private void beat() {
    if (!knowsInstance) {
      return;
    }
    try {
      Http.send(
          Http.request("http://" + beaten + "/heart-beat").timeout(Duration.ofSeconds(2)),
          BodyHandlers.discarding());
    } catch (RuntimeException e) {
      // the instance may not be deployed yet or any more; the real registry would count a failure
    }
  }
}
