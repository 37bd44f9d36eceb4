package com.careflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.net.SocketException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEnginePersistenceException;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionSystemException;

/**
 * Which failures are answered 503 "the database cannot be reached" (issue 17) and which stay
 * what they are: a failure that says so, wherever it is wrapped; a database failure that does
 * not say why, when the database does not answer at that moment; never a failure of a
 * database that answers.
 */
class DatabaseFailuresTest {

  private final DataSource down = mock(DataSource.class);
  private final DataSource up = mock(DataSource.class);

  DatabaseFailuresTest() throws SQLException {
    when(down.getConnection()).thenThrow(new SQLException("Connection refused", "08001"));
    Connection connection = mock(Connection.class);
    when(connection.isValid(2)).thenReturn(true);
    when(up.getConnection()).thenReturn(connection);
  }

  @Test
  void aBrokenConnectionIsUnavailableWhereverItIsWrapped() {
    RuntimeException wrapped = new RuntimeException("listing tasks",
        new SQLException("I/O error", new SocketException("Broken pipe")));
    assertThat(DatabaseFailures.isUnavailable(wrapped)).isTrue();
    assertThat(DatabaseFailures.isUnavailable(wrapped, up)).isTrue();
  }

  /**
   * A web-app session read on a pooled connection the restarted database had closed: the read
   * fails, and so does its rollback, which says only "Connection is closed" (no SQLSTATE).
   */
  @Test
  void aRollbackOnAClosedConnectionIsUnavailableWhileTheDatabaseDoesNotAnswer() {
    TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed",
        new SQLException("Connection is closed"));
    assertThat(DatabaseFailures.isUnavailable(rollback, down)).isTrue();
    assertThat(DatabaseFailures.isUnavailable(rollback, up)).as("a database that answers")
        .isFalse();
  }

  @Test
  void anEnginePersistenceFailureIsUnavailableOnlyWhileTheDatabaseDoesNotAnswer() {
    ProcessEnginePersistenceException engine = new ProcessEnginePersistenceException(
        "ENGINE-03004 Exception while executing Database Operation", null);
    assertThat(DatabaseFailures.isUnavailable(engine, down)).isTrue();
    assertThat(DatabaseFailures.isUnavailable(engine, up)).isFalse();
  }

  @Test
  void aRefusedWriteOrABugIsNeverUnavailable() {
    SQLException duplicate = new SQLException("duplicate key", "23505");
    assertThat(DatabaseFailures.isUnavailable(duplicate, up)).isFalse();
    assertThat(DatabaseFailures.isUnavailable(new IllegalStateException("a bug"), down))
        .as("not a database failure at all").isFalse();
  }
}
