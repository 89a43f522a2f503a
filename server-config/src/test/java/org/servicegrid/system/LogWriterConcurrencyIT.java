package org.servicegrid.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.servicegrid.testsupport.Http;

/**
 * Eight writers appending a thousand lines each through {@code POST /log}: 8000 whole lines, none
 * torn or lost.
 */
@Order(4)
@UsesSharedSystem
class LogWriterConcurrencyIT {

  private static final int WRITERS = 8;
  private static final int LINES_PER_WRITER = 1000;

  @Test
  void concurrentAppendsBecomeWholeLinesNoneTornOrLost() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int w = 0; w < WRITERS; w++) {
        int writer = w;
        done.add(
            writers.submit(
                () -> {
                  for (int i = 0; i < LINES_PER_WRITER; i++) {
                    String message = "concurrency " + run + " writer " + writer + " line " + i;
                    HttpResponse<String> response =
                        Http.send("POST", Server.LOG.url("/log"), "text/plain", message);
                    assertThat(response.statusCode()).as("POST /log").isEqualTo(200);
                  }
                  return null;
                }));
      }
      for (Future<?> writer : done) {
        writer.get(5, TimeUnit.MINUTES);
      }
    } finally {
      writers.shutdownNow();
    }

    Set<String> messages = new HashSet<>();
    for (String raw : Server.logLines()) {
      LogLine line = LogLine.parse(raw);
      if (line.message().startsWith("concurrency " + run + " ")) {
        assertThat(line.message()).matches("concurrency " + run + " writer \\d line \\d{1,3}");
        assertThat(messages.add(line.message())).as("line appears once: %s", raw).isTrue();
      }
    }
    assertThat(messages).hasSize(WRITERS * LINES_PER_WRITER);
  }
}
