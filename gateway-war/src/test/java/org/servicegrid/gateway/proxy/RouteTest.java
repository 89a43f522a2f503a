package org.servicegrid.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RouteTest {

  @Test
  void stripsTheServiceSegmentAndKeepsTheRestOfThePath() {
    assertThat(Route.parse("/visit/a/b/c", null)).contains(new Route("visit", "/a/b/c"));
  }

  @Test
  void forwardsTheServiceRootForATrailingSlashOrNoSlash() {
    assertThat(Route.parse("/visit/", null)).contains(new Route("visit", "/"));
    assertThat(Route.parse("/visit", null)).contains(new Route("visit", "/"));
  }

  @Test
  void keepsTheRawQueryStringExactly() {
    assertThat(Route.parse("/log/x", "a=1&b=two%20words&c=&d=%2B+")).contains(
        new Route("log", "/x?a=1&b=two%20words&c=&d=%2B+"));
    assertThat(Route.parse("/log", "q=1")).contains(new Route("log", "/?q=1"));
  }

  @Test
  void keepsPercentEncodingAndTrailingSlashesOfThePath() {
    assertThat(Route.parse("/files/a%2Fb/c%20d/", null)).contains(new Route("files", "/a%2Fb/c%20d/"));
    assertThat(Route.parse("/files//double", null)).contains(new Route("files", "//double"));
  }

  @Test
  void leavesTheRootAndTheReservedSegmentsToTheGatewayItself() {
    assertThat(Route.parse("", null)).isEmpty();
    assertThat(Route.parse("/", "x=1")).isEmpty();
    assertThat(Route.parse("/services", null)).isEmpty();
    assertThat(Route.parse("/services/anything", null)).isEmpty();
    assertThat(Route.parse("/heart-beat", null)).isEmpty();
    assertThat(Route.parse("//visit", null)).isEmpty();
  }

  @Test
  void onlyTheExactReservedSegmentIsReserved() {
    assertThat(Route.parse("/services2/x", null)).contains(new Route("services2", "/x"));
    assertThat(Route.parse("/heart-beats", null)).contains(new Route("heart-beats", "/"));
  }
}
