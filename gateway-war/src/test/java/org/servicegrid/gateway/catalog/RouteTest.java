package org.servicegrid.gateway.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RouteTest {

  @ParameterizedTest(name = "{0}: {1} -> {2} {3}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          strips the service segment and keeps the rest  | /visit/a/b/c        | visit       | /a/b/c
          forwards the service root for a trailing slash | /visit/             | visit       | /
          forwards the service root for no slash         | /visit              | visit       | /
          keeps percent-encoding and a trailing slash    | /files/a%2Fb/c%20d/ | files       | /a%2Fb/c%20d/
          keeps an empty segment of the path             | /files//double      | files       | //double
          only the exact reserved segment is reserved    | /services2/x        | services2   | /x
          only the exact reserved segment is reserved    | /heart-beats        | heart-beats | /
          """)
  void forwardsThePathToTheServiceNamedByItsFirstSegment(
      String behaviour, String path, String service, String forwarded) {
    assertThat(Route.parse(path, null)).contains(new Route(service, forwarded));
  }

  @Test
  void keepsTheRawQueryStringExactly() {
    assertThat(Route.parse("/log/x", "a=1&b=two%20words&c=&d=%2B+"))
        .contains(new Route("log", "/x?a=1&b=two%20words&c=&d=%2B+"));
    assertThat(Route.parse("/log", "q=1")).contains(new Route("log", "/?q=1"));
  }

  @ParameterizedTest(name = "\"{0}\" with query {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          ''                 |
          /                  | x=1
          /services          |
          /services/anything |
          /heart-beat        |
          //visit            |
          """)
  void leavesTheRootAndTheReservedSegmentsToTheGatewayItself(String path, String query) {
    assertThat(Route.parse(path, query)).isEmpty();
  }
}
