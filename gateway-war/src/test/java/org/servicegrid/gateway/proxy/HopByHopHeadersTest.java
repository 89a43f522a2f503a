package org.servicegrid.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class HopByHopHeadersTest {

  @Test
  void knowsEveryStandardHopByHopHeaderInAnyCase() {
    Stream.of(
            "Connection",
            "keep-alive",
            "TE",
            "Trailer",
            "Transfer-Encoding",
            "UPGRADE",
            "Proxy-Authorization",
            "proxy-authenticate",
            "Proxy-Connection")
        .forEach(name -> assertThat(HopByHopHeaders.isHopByHop(name, Set.of())).as(name).isTrue());

    assertThat(HopByHopHeaders.isHopByHop("Content-Type", Set.of())).isFalse();
    assertThat(HopByHopHeaders.isHopByHop("Set-Cookie", Set.of())).isFalse();
  }

  @Test
  void treatsTheHeadersListedInConnectionAsHopByHop() {
    Set<String> listed = HopByHopHeaders.listedIn(List.of("close, X-Secret ,x-other"));

    assertThat(HopByHopHeaders.isHopByHop("X-Secret", listed)).isTrue();
    assertThat(HopByHopHeaders.isHopByHop("X-OTHER", listed)).isTrue();
    assertThat(HopByHopHeaders.isHopByHop("X-Kept", listed)).isFalse();
  }

  @Test
  void readsEveryConnectionHeaderLine() {
    assertThat(HopByHopHeaders.listedIn(List.of("X-A", "X-B", " , ")))
        .containsExactlyInAnyOrder("x-a", "x-b");
    assertThat(HopByHopHeaders.listedIn(List.of())).isEmpty();
  }
}
