package org.servicegrid.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.servicegrid.testsupport.Http;

/**
 * The original design's demo on a fresh system: browsing {@code /visit/} through the gateway counts
 * 1, 2, 3, and the log service's file holds the three visits in order. Runs first, while the count
 * is still zero.
 */
@Order(1)
class VisitWalkthroughIT {

  @BeforeAll
  static void systemIsUp() {
    Server.awaitSystemReady();
  }

  @Test
  void threeVisitsThroughTheGatewayCountOneTwoThreeAndAreLoggedInOrder() throws Exception {
    int linesBefore = Server.logLines().size();

    for (int expected = 1; expected <= 3; expected++) {
      HttpResponse<String> response = Http.get(Server.GATEWAY.url("/visit/"));
      assertThat(response.statusCode()).as("GET %s", Server.GATEWAY.url("/visit/")).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
      assertThat(response.body().trim()).isEqualTo(Integer.toString(expected));
    }

    List<LogLine> newLines =
        Server.logLines().stream().skip(linesBefore).map(LogLine::parse).toList();
    assertThat(newLines).extracting(LogLine::count).containsExactly(1L, 2L, 3L);
    assertThat(newLines).extracting(LogLine::caller).containsOnly("visit");
  }
}
