package org.servicegrid.visit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;
import java.util.stream.LongStream;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The count's SQL against a real H2 file database in this JVM, with the visit server's default
 * settings.
 */
class VisitCountStoreTest {

  private static final Duration LOCK_TIMEOUT = Duration.ofSeconds(5);

  @TempDir Path dir;

  private final List<Long> logged = Collections.synchronizedList(new ArrayList<>());
  private final BiConsumer<Long, Integer> accepting =
      (first, count) -> LongStream.range(first, first + count).forEach(logged::add);
  private final ExecutorService pool = Executors.newFixedThreadPool(32);

  @AfterEach
  void stopPool() {
    pool.shutdownNow();
  }

  @Test
  void createsTheTableOnAFreshDatabaseAndStartsAtZero() throws Exception {
    VisitCountStore store = store();

    assertThat(store.prepare()).isZero();
    assertThat(store.advance(1, accepting)).isEqualTo(1);
    assertThat(store().prepare()).isEqualTo(1);
  }

  @Test
  void countsAGroupOnlyWhenItsLogCallReturnsAndARestartContinuesFromThere() throws Exception {
    VisitCountStore store = store();
    store.prepare();

    assertThat(store.advance(3, accepting)).isEqualTo(1);
    assertThatThrownBy(() -> store.advance(2, Visits.UNAVAILABLE_LOG))
        .isInstanceOf(VisitNotCountedException.class)
        .hasMessageContaining("log service unavailable");
    assertThat(store.advance(2, accepting)).isEqualTo(4);

    VisitCountStore restarted = store();
    assertThat(restarted.prepare()).isEqualTo(5);
    assertThat(restarted.advance(1, accepting)).isEqualTo(6);
    assertThat(logged).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
  }

  @Test
  void refusesVisitsWithoutLoggingThemWhileTheDatabaseDoesNotAnswer() {
    JdbcDataSource missing = new JdbcDataSource();
    missing.setURL("jdbc:h2:file:" + dir.resolve("missing") + ";IFEXISTS=TRUE");
    VisitCountStore store = new VisitCountStore(missing, LOCK_TIMEOUT);

    assertThatThrownBy(store::prepare).isInstanceOf(SQLException.class);
    assertThatThrownBy(() -> store.advance(1, accepting))
        .isInstanceOf(VisitNotCountedException.class)
        .hasMessage(VisitCountStore.UNAVAILABLE);
    assertThat(logged).isEmpty();
  }

  @Test
  void twoCountersOnOneDatabaseHandOutEachNumberOnceAndLogThemInOrder() throws Exception {
    List<Long> numbers = Visits.alternating(pool, 2000, store(), store(), accepting);

    List<Long> expected = LongStream.rangeClosed(1, 2000).boxed().toList();
    assertThat(numbers).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(logged).isEqualTo(expected);
    assertThat(store().prepare()).isEqualTo(2000);
  }

  /**
   * A store on the test's database, as a (re)started visit instance opens it: a data source of its
   * own.
   */
  private VisitCountStore store() {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL(
        "jdbc:h2:file:"
            + dir.resolve("data/visits")
            + ";WRITE_DELAY=0;RETENTION_TIME=1000"); // as server.xml
    return new VisitCountStore(dataSource, LOCK_TIMEOUT);
  }
}
