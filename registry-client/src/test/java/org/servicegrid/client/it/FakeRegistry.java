package org.servicegrid.client.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A registry as the library sees it: answers {@code POST /services} with a chosen JSON map, {@code DELETE
 * /services} with 200, and heart-beats the instance under test once it registered. Like the real registry
 * it forgets its table when it stops: after a restart it heart-beats only once the instance registers again.
 */
class FakeRegistry {

  private final FakePeer peer;
  private final URI heartBeat;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private volatile String registrationAnswer = "{}";
  private volatile boolean knowsInstance;
  private ScheduledFuture<?> beating;

  FakeRegistry(String instanceAddr) {
    this.heartBeat = URI.create("http://" + instanceAddr + "/heart-beat");
    this.peer = new FakePeer(request -> {
      if (request.method().equals("POST")) {
        knowsInstance = true;
        return new FakePeer.Answer(200, registrationAnswer);
      }
      knowsInstance = false;
      return new FakePeer.Answer(200, "");
    });
  }

  String url() {
    return "http://" + peer.addr();
  }

  void answerRegistrationsWith(String json) {
    registrationAnswer = json;
  }

  synchronized FakeRegistry start() {
    knowsInstance = false;
    peer.start();
    beating = timer.scheduleWithFixedDelay(this::beat, 0, 300, TimeUnit.MILLISECONDS);
    return this;
  }

  /** The registry goes away: no more answers, no more heart-beats. */
  synchronized void stop() {
    if (beating != null) {
      beating.cancel(false);
    }
    peer.stop();
  }

  void close() {
    stop();
    timer.shutdownNow();
  }

  List<RecordedRequest> registrations() {
    return peer.requests("POST", "/services");
  }

  List<RecordedRequest> deregistrations() {
    return peer.requests("DELETE", "/services");
  }

  private void beat() {
    if (!knowsInstance) {
      return;
    }
    try {
      http.send(HttpRequest.newBuilder(heartBeat).timeout(Duration.ofSeconds(2)).build(),
          HttpResponse.BodyHandlers.discarding());
    } catch (Exception e) {
      // the instance may not be deployed yet or any more; the real registry would count a failure
    }
  }
}
