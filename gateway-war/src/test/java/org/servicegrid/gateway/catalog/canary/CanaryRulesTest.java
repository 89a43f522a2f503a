package org.servicegrid.gateway.catalog.canary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CanaryRulesTest {

  @Test
  void readsOneRulePerServiceWithAVersionThatMayHoldSeparators() {
    CanaryRules rules = CanaryRules.parse(" visit=2.0@10 , log.v2=1.4-rc:1@0,edge=a=b@100");

    assertThat(rules.of("visit")).isEqualTo(new CanaryRule("2.0", 10));
    assertThat(rules.of("log.v2")).isEqualTo(new CanaryRule("1.4-rc:1", 0));
    assertThat(rules.of("edge")).isEqualTo(new CanaryRule("a=b", 100));
    assertThat(rules.of("other")).isNull();
  }

  @Test
  void blankIsNoRule() {
    assertThat(CanaryRules.parse(" , ").isEmpty()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "visit",
        "visit=2.0",
        "visit=@10",
        "=2.0@10",
        "bad/name=2.0@10",
        "visit=2.0@101",
        "visit=2.0@-1",
        "visit=2.0@ten",
        "visit=2.0@10%",
        "visit=2.0@10,visit=3.0@5"
      })
  void refusesEntriesThatAreNoRuleNamingThem(String entries) {
    assertThatThrownBy(() -> CanaryRules.parse(entries))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("visit".equals(entries) ? "'visit'" : "");
  }
}
