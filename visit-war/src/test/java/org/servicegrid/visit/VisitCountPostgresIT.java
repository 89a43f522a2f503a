package org.servicegrid.visit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.servicegrid.protocol.Transport;
import org.servicegrid.protocol.tracing.Tracing;
import org.servicegrid.testsupport.FakeLog;

/**
 * Two visit instances' counters, each with a data source of its own, on one PostgreSQL database
 * (the local cluster that {@code scripts/ensure-postgresql.sh} starts and prepares; {@code
 * VISIT_TEST_DB_URL}, {@code _USER}, {@code _PASSWORD} point elsewhere), logging through the real
 * batch client to a fake log.
 */
class VisitCountPostgresIT {

  private static final String URL =
      env("VISIT_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/servicegrid_test");
  private static final String USER = env("VISIT_TEST_DB_USER", "servicegrid");
  private static final String PASSWORD = env("VISIT_TEST_DB_PASSWORD", "servicegrid");
  private static final Duration LOCK_TIMEOUT = Duration.ofSeconds(5);

  private final FakeLog log = FakeLog.start();
  private final LogBatchClient client = new LogBatchClient();
  private final BiConsumer<Long, Integer> logging =
      (first, count) -> {
        List<String> numbers =
            LongStream.range(first, first + count).mapToObj(Long::toString).toList();
        try {
          if (client.appendAll(log.addr(), numbers) != 200) {
            throw new VisitNotCountedException(LogSender.UNAVAILABLE);
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      };
  private final ExecutorService visitors = Executors.newFixedThreadPool(64);

  @BeforeEach
  void freshTable() {
    client.start(Duration.ofSeconds(2), Duration.ofSeconds(5), "visit", Transport.http());
    try (Connection connection = dataSource(URL).getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("DROP TABLE IF EXISTS visit_count");
    } catch (SQLException e) {
      throw new IllegalStateException(
          "PostgreSQL does not answer at "
              + URL
              + " as "
              + USER
              + "; start and prepare it with scripts/ensure-postgresql.sh (./test.sh does): "
              + e,
          e);
    }
  }

  @AfterEach
  void stop() {
    visitors.shutdownNow();
    client.stop();
    log.close();
  }

  @Test
  void twoInstancesCountSixtyFourConcurrentVisitsOneToSixtyFourEachOnceAndARestartContinues()
      throws Exception {
    List<Long> numbers = Visits.alternating(visitors, 64, store(), store(), logging);

    List<Long> expected = LongStream.rangeClosed(1, 64).boxed().toList();
    assertThat(numbers).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(log.messages())
        .containsExactlyElementsOf(expected.stream().map(String::valueOf).toList());
    VisitCountStore restarted = store();
    assertThat(restarted.prepare()).isEqualTo(64);
    assertThat(
            new VisitCounter(64, 64, Duration.ofSeconds(5), Tracing.off())
                .visit(size -> restarted.advance(size, logging)))
        .isEqualTo(65);
  }

  @Test
  void aGroupTheLogRefusesLeavesTheSharedCountForTheOtherInstance() throws Exception {
    VisitCountStore one = store();
    VisitCountStore two = store();
    one.prepare();
    two.prepare();
    one.advance(3, logging);

    log.failing(true);
    assertThatThrownBy(() -> two.advance(5, logging)).isInstanceOf(VisitNotCountedException.class);
    log.failing(false);

    assertThat(one.advance(1, logging)).isEqualTo(4);
    assertThat(log.messages()).containsExactly("1", "2", "3", "4");
  }

  @Test
  void refusesVisitsWhileTheDatabaseDoesNotAnswer() {
    VisitCountStore down =
        new VisitCountStore(
            dataSource("jdbc:postgresql://127.0.0.1:1/servicegrid_test"), LOCK_TIMEOUT);

    assertThatThrownBy(() -> down.advance(1, logging))
        .isInstanceOf(VisitNotCountedException.class)
        .hasMessage(VisitCountStore.UNAVAILABLE);
    assertThat(log.messages()).isEmpty();
  }

  private VisitCountStore store() {
    return new VisitCountStore(dataSource(URL), LOCK_TIMEOUT);
  }

  private static PGSimpleDataSource dataSource(String url) {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setURL(url);
    dataSource.setUser(USER);
    dataSource.setPassword(PASSWORD);
    dataSource.setConnectTimeout(5);
    return dataSource;
  }

  private static String env(String name, String fallback) {
    return Objects.requireNonNullElse(System.getenv(name), fallback);
  }
}
