package org.servicegrid.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * The PostgreSQL database the system tests' visit instances share ({@code servicegrid_test} of the
 * local cluster that {@code scripts/ensure-postgresql.sh} prepares; {@code ./test.sh} runs it
 * first).
 */
final class TestDatabase {

  /** The lock of the test classes that use this database. */
  static final String LOCK = "org.servicegrid.system.postgresql-test-database";

  static final int PORT = 5432;
  static final String URL = urlThrough(PORT);
  static final String USER = "servicegrid";
  static final String PASSWORD = "servicegrid";

  private TestDatabase() {}

  /** The environment that puts a visit server's count into this database. */
  /** The test database's URL, reached at {@code port} of 127.0.0.1 (a relay's, say). */
  static String urlThrough(int port) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/servicegrid_test";
  }

  static Map<String, String> visitEnvironment() {
    return Map.of(
        "VISIT_DB",
        "postgresql",
        "VISIT_DB_URL",
        URL,
        "VISIT_DB_USER",
        USER,
        "VISIT_DB_PASSWORD",
        PASSWORD);
  }

  /** Drops the visit count's table: the next visit server to start creates it and counts from 1. */
  static void dropVisitCount() {
    try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD);
        Statement statement = connection.createStatement()) {
      statement.execute("DROP TABLE IF EXISTS visit_count");
    } catch (SQLException e) {
      throw new IllegalStateException(
          "PostgreSQL does not answer at "
              + URL
              + "; start and prepare it with scripts/ensure-postgresql.sh (./test.sh does): "
              + e,
          e);
    }
  }
}
