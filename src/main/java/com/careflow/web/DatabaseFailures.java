package com.careflow.web;

import java.net.ConnectException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/** Whether a failure means the database cannot be reached, wherever it was wrapped. */
final class DatabaseFailures {

  private DatabaseFailures() {}

  static boolean isUnavailable(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLTransientConnectionException
          || cause instanceof SQLNonTransientConnectionException
          || cause instanceof ConnectException
          || cause instanceof DataAccessResourceFailureException
          || cause instanceof CannotCreateTransactionException
          || "08001".equals(sqlState(cause)) || "08006".equals(sqlState(cause))) {
        return true;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }

  private static String sqlState(Throwable cause) {
    return cause instanceof java.sql.SQLException sql ? sql.getSQLState() : null;
  }
}
