package com.careflow.numbering;

import com.careflow.calendar.CalendarProperties;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Numbers cases {@code SERIES-YYMM-NNNN}: complaints {@code CP-2611-0001} (SPEC §1.3: year,
 * month, a serial restarting each month, in the company's time zone), returns
 * {@code RT-2611-0001}. The serial is taken in the caller's transaction under a row lock on the
 * series' month counter, so concurrent intakes queue for it and a rolled-back intake gives its
 * number back: the numbers of a month are unique and without gaps.
 */
@Component
public class CaseNumbers {

  private static final DateTimeFormatter PERIOD = DateTimeFormatter.ofPattern("yyMM");

  private static final String INCREMENT = "UPDATE case_serial SET last_serial = last_serial + 1 "
      + "WHERE series = ? AND period = ?";

  private final JdbcTemplate jdbc;
  private final CalendarProperties calendar;
  private final TransactionTemplate newTransaction;

  public CaseNumbers(JdbcTemplate jdbc, CalendarProperties calendar,
      PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.calendar = calendar;
    this.newTransaction = new TransactionTemplate(transactions);
    this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** The month of an instant, {@code YYMM}, in the company's time zone. */
  public String period(Instant at) {
    return PERIOD.format(at.atZone(calendar.zone()));
  }

  /**
   * Makes sure the series has its counter for the month, in a short transaction of its own.
   * Call it before the intake's transaction: creating the counter inside it would need a
   * second connection while holding the first, and on PostgreSQL a duplicate key aborts the
   * transaction it happens in, which two intakes opening a month at once would cause.
   */
  public void openMonth(String series, String period) {
    Integer known = jdbc.queryForObject(
        "SELECT COUNT(*) FROM case_serial WHERE series = ? AND period = ?", Integer.class,
        series, period);
    if (known != null && known > 0) {
      return;
    }
    try {
      newTransaction.executeWithoutResult(status -> jdbc.update(
          "INSERT INTO case_serial (series, period, last_serial) VALUES (?, ?, 0)",
          series, period));
    } catch (DuplicateKeyException openedConcurrently) {
      // another intake opened the month at the same moment
    }
  }

  /**
   * The next number of an opened month, under a row lock held until the caller's transaction
   * ends: concurrent intakes queue here, and a rolled-back intake gives its number back.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public CaseNumber next(String series, String period) {
    if (jdbc.update(INCREMENT, series, period) != 1) {
      throw new IllegalStateException("The month " + period + " of " + series + " was not opened");
    }
    Integer serial = jdbc.queryForObject(
        "SELECT last_serial FROM case_serial WHERE series = ? AND period = ?", Integer.class,
        series, period);
    return new CaseNumber(series, period, serial);
  }

  /** Opens the month of {@code at} and takes its next number, in the caller's transaction. */
  @Transactional(propagation = Propagation.MANDATORY)
  public CaseNumber next(String series, Instant at) {
    String period = period(at);
    openMonth(series, period);
    return next(series, period);
  }

  /** A case number. */
  public record CaseNumber(String series, String period, int serial) {
    @Override
    public String toString() {
      return series + "-" + period + "-" + String.format("%04d", serial);
    }
  }
}
