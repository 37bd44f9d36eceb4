package com.careflow.web;

import java.net.SocketException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEnginePersistenceException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

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
   * the failure does not say: Camunda reports a persistence failure without its cause
   * (ProcessEnginePersistenceException), so a connection is tried (within the pool's timeout).
   */
  static boolean isUnavailable(Throwable failure, DataSource database) {
    return isUnavailable(failure)
        || anyCause(failure, cause -> cause instanceof ProcessEnginePersistenceException)
            && !isReachable(database);
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
