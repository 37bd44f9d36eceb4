package com.careflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * An operator reading the log during a database outage sees one line per try of the scheduled
 * work, not a stack trace every ten seconds; a real fault still comes with its stack trace.
 */
@ExtendWith(OutputCaptureExtension.class)
class ScheduledWorkErrorsTest {

  @Test
  void anOutageIsOneLineAndAFaultIsInFull(CapturedOutput log) {
    runOnce(() -> {
      throw new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
          new SQLTransientConnectionException("Connection is not available"));
    });
    assertThat(log.getOut()).contains("Scheduled work waits for the database")
        .doesNotContain("\tat ");

    runOnce(() -> {
      throw new IllegalStateException("a bug");
    });
    assertThat(log.getOut()).contains("Scheduled work failed")
        .contains("IllegalStateException: a bug").contains("\tat ");
  }

  /** Runs the work once on a scheduler as CareFlow's is customised, and waits for it. */
  private static void runOnce(Runnable work) {
    ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
    new ScheduledWorkErrors().databaseOutagesInOneLine().customize(scheduler);
    scheduler.setWaitForTasksToCompleteOnShutdown(true);
    scheduler.setAwaitTerminationSeconds(10);
    scheduler.initialize();
    scheduler.execute(work);
    scheduler.shutdown();
  }
}
