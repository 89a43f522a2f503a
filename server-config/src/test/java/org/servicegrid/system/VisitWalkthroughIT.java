package org.servicegrid.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.servicegrid.testsupport.Http;

/**
 * The original design's demo: browsing {@code /visit/} through the gateway three times counts on by
 * one each time (1, 2, 3 on a fresh system), and the log service's file holds the three visits in
 * order. Whatever ran before it, the three numbers follow each other.
 */
@Order(1)
@UsesSharedSystem
class VisitWalkthroughIT {

  @Test
  void threeVisitsThroughTheGatewayCountOnByOneAndAreLoggedInOrder() throws Exception {
    int linesBefore = Server.logLines().size();

    List<Long> counts = new ArrayList<>();
    for (int visit = 1; visit <= 3; visit++) {
      HttpResponse<String> response = Http.get(Server.GATEWAY.url("/visit/"));
      assertThat(response.statusCode()).as("GET %s", Server.GATEWAY.url("/visit/")).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
      counts.add(Long.parseLong(response.body().trim()));
    }
    long first = counts.get(0);
    assertThat(first).as("the first of the three visits' numbers").isPositive();
    assertThat(counts).containsExactly(first, first + 1, first + 2);

    List<LogLine> newLines =
        Server.logLines().stream().skip(linesBefore).map(LogLine::parse).toList();
    assertThat(newLines).extracting(LogLine::count).containsExactly(first, first + 1, first + 2);
    assertThat(newLines).extracting(LogLine::caller).containsOnly("visit");
  }
}
