package org.servicegrid.visit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.BiConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The visit count that every visit instance shares: one row of the table {@code visit_count} in the
 * database behind a data source (H2 or PostgreSQL through Liberty's {@code jdbc/visits}). A group
 * of visits advances it in one transaction that holds the row's lock across the group's log call
 * and commits only once the log accepted the group; a refusal rolls it back. Holding the lock
 * across the log call is what keeps the numbering exact across instances: one group is in flight
 * system-wide, so no number is logged while a lower one may still fail, and the wait for the lock
 * is bounded by {@code lockTimeout} (the holder by the log client's timeouts). Not thread-safe:
 * {@link VisitCounter} lets one group leader at a time call {@link #advance}.
 */
final class VisitCountStore {

  static final String UNAVAILABLE = "visit count storage unavailable";

  private static final Logger LOG = Logger.getLogger(VisitCountStore.class.getName());
  private static final String CREATE =
      "CREATE TABLE IF NOT EXISTS visit_count (id INT PRIMARY KEY, n BIGINT NOT NULL)";
  private static final String INSERT = "INSERT INTO visit_count (id, n) VALUES (1, 0)";
  private static final String READ = "SELECT n FROM visit_count WHERE id = 1";
  private static final String LOCK = READ + " FOR UPDATE";
  private static final String ADVANCE = "UPDATE visit_count SET n = n + ? WHERE id = 1";

  private final DataSource dataSource;
  private final int lockTimeoutSeconds;
  private volatile boolean prepared; // the table and its row exist

  VisitCountStore(DataSource dataSource, Duration lockTimeout) {
    this.dataSource = dataSource;
    this.lockTimeoutSeconds =
        (int) Math.max(1, (lockTimeout.toMillis() + 999) / 1000); // JDBC counts seconds
  }

  /**
   * Creates the table and its row when absent and returns the count. Called at start; {@link
   * #advance} calls it again while it has not succeeded (the database was down at start).
   *
   * @throws SQLException when the database does not answer
   */
  long prepare() throws SQLException {
    long count;
    try (Connection connection = dataSource.getConnection()) {
      createTableAndRow(connection);
      connection.setAutoCommit(false);
      try {
        count = lockedCount(connection);
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        rollBack(connection);
        throw e;
      }
    }
    prepared = true;
    return count;
  }

  /**
   * Reserves the next {@code visits} numbers, has {@code recordGroup} log them (first, count), and
   * counts them once it returns; returns the first number. A refusal ({@code recordGroup} throws)
   * leaves the count as it was and is rethrown; a database that does not answer throws {@link
   * VisitNotCountedException}.
   */
  long advance(int visits, BiConsumer<Long, Integer> recordGroup) {
    if (!prepared) {
      prepareAgain();
    }
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      long first;
      try {
        first = lockedCount(connection) + 1;
        try (PreparedStatement advance = connection.prepareStatement(ADVANCE)) {
          advance.setInt(1, visits);
          advance.executeUpdate();
        }
        recordGroup.accept(first, visits);
      } catch (SQLException | RuntimeException | Error e) {
        rollBack(connection);
        throw e;
      }
      try {
        connection.commit();
      } catch (SQLException e) {
        // Logged but not counted: the next group gets these numbers again, so they may appear twice
        // in the log.
        LOG.log(
            Level.WARNING,
            "Visits {0}..{1} were logged but the count could not be committed: {2}",
            new Object[] {String.valueOf(first), String.valueOf(first + visits - 1), e.toString()});
        throw e;
      }
      return first;
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "Visit count storage unavailable: {0}", e.toString());
      throw new VisitNotCountedException(UNAVAILABLE);
    }
  }

  private void prepareAgain() {
    try {
      prepare();
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "Visit count storage unavailable: {0}", e.toString());
      throw new VisitNotCountedException(UNAVAILABLE);
    }
  }

  /**
   * Creates the table and row unless present; another instance may be doing the same at this
   * moment.
   */
  private static void createTableAndRow(Connection connection) throws SQLException {
    connection.setAutoCommit(true);
    try (Statement statement = connection.createStatement()) {
      statement.execute(CREATE);
      if (!rowExists(statement)) {
        statement.executeUpdate(INSERT);
      }
    } catch (SQLException e) {
      try (Statement statement = connection.createStatement()) {
        if (!rowExists(statement)) {
          throw e;
        }
      }
    }
  }

  private static boolean rowExists(Statement statement) throws SQLException {
    try (ResultSet row = statement.executeQuery(READ)) {
      return row.next();
    }
  }

  /** The count, with the row locked until the transaction ends. */
  private long lockedCount(Connection connection) throws SQLException {
    try (PreparedStatement lock = connection.prepareStatement(LOCK)) {
      lock.setQueryTimeout(lockTimeoutSeconds);
      try (ResultSet row = lock.executeQuery()) {
        if (!row.next()) {
          throw new SQLException("table visit_count has no row 1");
        }
        return row.getLong(1);
      }
    }
  }

  private static void rollBack(Connection connection) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      LOG.log(Level.FINE, "Rollback failed; closing the connection ends the transaction", e);
    }
  }
}
