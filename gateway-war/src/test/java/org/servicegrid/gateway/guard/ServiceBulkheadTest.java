package org.servicegrid.gateway.guard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.servicegrid.gateway.GatewayConfig;
import org.servicegrid.testsupport.ConfigFixture;

class ServiceBulkheadTest {

  @Test
  void refusesTheRequestBeyondTheLimitOfItsServiceOnly() {
    ServiceBulkhead bulkhead = bulkhead(2);

    assertThat(bulkhead.tryEnter("slow")).isTrue();
    assertThat(bulkhead.tryEnter("slow")).isTrue();
    assertThat(bulkhead.tryEnter("slow")).isFalse();
    assertThat(bulkhead.tryEnter("fast")).isTrue();
    assertThat(bulkhead.tryEnter("fast")).isTrue();
  }

  @Test
  void admitsAgainOnceARequestLeft() {
    ServiceBulkhead bulkhead = bulkhead(1);
    assertThat(bulkhead.tryEnter("slow")).isTrue();
    assertThat(bulkhead.tryEnter("slow")).isFalse();

    bulkhead.leave("slow");

    assertThat(bulkhead.tryEnter("slow")).isTrue();
  }

  private static ServiceBulkhead bulkhead(int limit) {
    ServiceBulkhead bulkhead = new ServiceBulkhead();
    bulkhead.limits =
        ConfigFixture.produced(
            LimitSettings.class,
            GatewayConfig.class,
            "gateway.max-concurrent-per-service",
            "" + limit);
    bulkhead.init();
    return bulkhead;
  }
}
