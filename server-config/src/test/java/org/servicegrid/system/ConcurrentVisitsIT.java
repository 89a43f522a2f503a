package org.servicegrid.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.servicegrid.testsupport.Http;

/**
 * Concurrent visits through the gateway are counted exactly: no lost, no duplicated number, one
 * line each.
 */
@Order(2)
@UsesSharedSystem
class ConcurrentVisitsIT {

  private static final int VISITS = 50;

  @Test
  void fiftyConcurrentVisitsGetFiftyDistinctConsecutiveCountsAndFiftyLogLines() throws Exception {
    long before = currentCount();
    int linesBefore = Server.logLines().size();

    List<CompletableFuture<HttpResponse<String>>> visits = new ArrayList<>();
    for (int i = 0; i < VISITS; i++) {
      visits.add(Http.sendAsync(Http.request(Server.GATEWAY.url("/visit/")).GET()));
    }
    List<Long> counts = new ArrayList<>();
    for (CompletableFuture<HttpResponse<String>> visit : visits) {
      HttpResponse<String> response = visit.join();
      assertThat(response.statusCode()).as("GET /visit/ through the gateway").isEqualTo(200);
      counts.add(Long.parseLong(response.body().trim()));
    }

    List<Long> expected = LongStream.rangeClosed(before + 1, before + VISITS).boxed().toList();
    assertThat(counts).containsExactlyInAnyOrderElementsOf(expected);
    List<LogLine> newLines =
        Server.logLines().stream().skip(linesBefore).map(LogLine::parse).toList();
    assertThat(newLines).extracting(LogLine::count).containsExactlyInAnyOrderElementsOf(expected);
  }

  /**
   * The count so far, read from the log file's last visit line (a visit itself would change it).
   */
  private static long currentCount() throws Exception {
    List<String> lines = Server.logLines();
    for (int i = lines.size() - 1; i >= 0; i--) {
      LogLine line = LogLine.parse(lines.get(i));
      if (line.caller().equals("visit")) {
        return line.count();
      }
    }
    return 0;
  }
}
