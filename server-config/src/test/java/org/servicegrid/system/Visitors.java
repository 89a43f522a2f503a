package org.servicegrid.system;

import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.servicegrid.testsupport.Http;

/**
 * Clients that visit one URL over and over, each on its own thread, one visit at a time, and keep
 * every answer (or the failure to get one) until they are stopped. Each client stops by itself
 * after {@link #RUN_BOUND}.
 */
final class Visitors implements AutoCloseable {

  static final Duration RUN_BOUND = Duration.ofMinutes(5);

  /** A visit's outcome: its status and body, or the exception when none came (status 0). */
  record Answer(int status, String body) {
    boolean counted() {
      return status == 200;
    }

    long number() {
      return Long.parseLong(body.trim());
    }
  }

  private final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean stopped = new AtomicBoolean();
  private final ExecutorService clients;

  private Visitors(int count) {
    clients = Executors.newFixedThreadPool(count);
  }

  static Visitors start(int count, String url) {
    Visitors visitors = new Visitors(count);
    long deadline = System.nanoTime() + RUN_BOUND.toNanos();
    for (int i = 0; i < count; i++) {
      visitors.clients.execute(
          () -> {
            while (!visitors.stopped.get() && System.nanoTime() < deadline) {
              visitors.answers.add(visit(url));
            }
          });
    }
    return visitors;
  }

  /** Waits until {@code more} answers came in on top of those so far. */
  void awaitAnswers(int more, Duration bound) {
    int target = answers.size() + more;
    await().atMost(bound).pollInterval(Duration.ofMillis(50)).until(() -> answers.size() >= target);
  }

  /** Waits until an answer that comes in from now on has {@code status}. */
  void awaitStatus(int status, Duration bound) {
    long seen = answers.size();
    await()
        .atMost(bound)
        .pollInterval(Duration.ofMillis(50))
        .until(() -> answers.stream().skip(seen).anyMatch(answer -> answer.status() == status));
  }

  /** Stops the clients, waits for their visits in flight, and returns every answer. */
  List<Answer> stop() {
    close();
    return new ArrayList<>(answers);
  }

  @Override
  public void close() {
    stopped.set(true);
    clients.shutdown();
    try {
      if (!clients.awaitTermination(Http.TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS)) {
        clients.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Answer visit(String url) {
    try {
      HttpResponse<String> response = Http.get(url);
      return new Answer(response.statusCode(), response.body());
    } catch (RuntimeException e) {
      return new Answer(0, e.toString());
    }
  }
}
