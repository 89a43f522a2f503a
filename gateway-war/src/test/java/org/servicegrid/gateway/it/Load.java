package org.servicegrid.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;
import org.servicegrid.testsupport.Http;

/**
 * Many GETs through the gateway from a few threads over the shared client's keep-alive connections,
 * counted by the {@code X-Upstream} of the instance that answered.
 */
final class Load {

  private static final int THREADS = 4;

  private Load() {}

  /** {@code requests} GETs of {@code path}, each answered 200: how many each upstream answered. */
  static Map<String, Integer> upstreams(String path, int requests) {
    ExecutorService threads = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<Map<String, Integer>>> parts =
          IntStream.range(0, THREADS)
              .mapToObj(t -> threads.submit(() -> send(path, requests / THREADS)))
              .toList();
      Map<String, Integer> total = new TreeMap<>();
      for (Future<Map<String, Integer>> part : parts) {
        part.get(2, TimeUnit.MINUTES)
            .forEach((name, count) -> total.merge(name, count, Integer::sum));
      }
      return total;
    } catch (InterruptedException | ExecutionException | TimeoutException e) {
      throw new IllegalStateException("GET " + path + " under load failed", e);
    } finally {
      threads.shutdownNow();
    }
  }

  private static Map<String, Integer> send(String path, int requests) {
    Map<String, Integer> counts = new TreeMap<>();
    for (int i = 0; i < requests; i++) {
      HttpResponse<String> answer = Http.send(Http.request(GatewayDeployment.URL + path).GET());
      assertThat(answer.statusCode()).as("GET %s: %s", path, answer.body()).isEqualTo(200);
      counts.merge(answer.headers().firstValue("X-Upstream").orElse("none"), 1, Integer::sum);
    }
    return counts;
  }
}
