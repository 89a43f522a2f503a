package org.servicegrid.registry.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.servicegrid.protocol.ServiceInfo;
import org.servicegrid.registry.cluster.RegistrationRecord;

class InstancesJsonCacheTest {

  private final Directory directory = new Directory(10);
  private final InstancesJsonCache cache = new InstancesJsonCache();

  @Test
  void keepsTheAnswerOfAKnownNameUntilItIsDropped() {
    directory.put(registration(ServiceInfo.of("log", "127.0.0.1:9001")));

    byte[] rendered = cache.render("log", directory);

    assertThat(text(rendered)).contains("\"Addr\":\"127.0.0.1:9001\"");
    assertThat(cache.get("log")).isSameAs(rendered);
    directory.put(registration(ServiceInfo.of("log", "127.0.0.1:9002")));
    assertThat(cache.get("log")).as("kept until dropped").isSameAs(rendered);

    cache.drop(List.of("log"));

    assertThat(cache.get("log")).isNull();
    assertThat(text(cache.render("log", directory))).contains("127.0.0.1:9002");
  }

  @Test
  void answersButDoesNotKeepUnknownNames() {
    assertThat(text(cache.render("nobody", directory))).isEqualTo("[]");

    assertThat(cache.get("nobody")).isNull();
    assertThat(cache.size()).isZero();
  }

  @Test
  void keepsTheEmptyAnswerOfANameThatIsOnlyRequired() {
    directory.put(registration(ServiceInfo.of("visit", "127.0.0.1:9003", "log")));

    assertThat(text(cache.render("log", directory))).isEqualTo("[]");
    assertThat(cache.get("log")).isNotNull();
  }

  private static Registration registration(ServiceInfo info) {
    return new Registration(RegistrationRecord.live(info, Instant.EPOCH, "").withVersion(1), 0);
  }

  private static String text(byte[] json) {
    return new String(json, StandardCharsets.UTF_8);
  }
}
