package com.careflow.web;

import java.net.SocketException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEnginePersistenceException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionException;

/**
 * Whether a failure means the database cannot be reached, wherever it was wrapped: no
 * connection to be had, a connection refused or broken (a socket error, SQLSTATE class 08).
 */
final class DatabaseFailures {

  /** What a caller is told while the database cannot be reached (503). */
  static final String DETAIL =
      "The database cannot be reached just now; nothing was changed. Try again shortly.";

  /** How soon to try again, in seconds (Retry-After). */
  static final String RETRY_AFTER = "10";

  private DatabaseFailures() {}

  static boolean isUnavailable(Throwable failure) {
    return anyCause(failure, cause -> cause instanceof SQLTransientConnectionException
        || cause instanceof SQLNonTransientConnectionException
        || cause instanceof SocketException
        || cause instanceof DataAccessResourceFailureException
        || cause instanceof CannotCreateTransactionException
        || cause instanceof SQLException sql && sql.getSQLState() != null
            && sql.getSQLState().startsWith("08"));
  }

  /**
   * Whether the failure means the database cannot be reached, asking the database itself when
   * a database failure does not say why: Camunda reports a persistence failure without its
   * cause (ProcessEnginePersistenceException), and a rollback on a connection the database had
   * closed says only "Connection is closed" (a web-app session read after a restart). A
   * connection is tried then (within the pool's timeout); a database that answers keeps the
   * failure what it is.
   */
  static boolean isUnavailable(Throwable failure, DataSource database) {
    return isUnavailable(failure)
        || anyCause(failure, DatabaseFailures::ofTheDatabase) && !isReachable(database);
  }

  /** A failure of the database's or its connection's, as the engine, JDBC or Spring say it. */
  private static boolean ofTheDatabase(Throwable cause) {
    return cause instanceof ProcessEnginePersistenceException || cause instanceof SQLException
        || cause instanceof DataAccessException || cause instanceof TransactionException;
  }

  private static boolean anyCause(Throwable failure, Predicate<Throwable> test) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (test.test(cause)) {
        return true;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }

  /** Whether a connection to the database can be had and answers (within the pool's timeout). */
  static boolean isReachable(DataSource database) {
    try (Connection connection = database.getConnection()) {
      return connection.isValid(2);
    } catch (SQLException | RuntimeException unreachable) {
      return false;
    }
  }
}
