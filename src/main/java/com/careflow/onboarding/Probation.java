package com.careflow.onboarding;

import static com.careflow.process.ProcessVariables.date;
import static com.careflow.process.ProcessVariables.integer;

import com.careflow.employee.Employee;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.exception.NotValidException;

/**
 * A probation's term (SPEC §3.1, §3.4): it runs {@code months} from the start date, 1 to 6 in
 * all, extensions included; the review opens at 09:00 on the day it has run its length
 * ({@code probationReviewAt}, the timer of {@code staff-onboarding}).
 */
record Probation(LocalDate startDate, int months) {

  static final LocalTime REVIEW_OPENS = LocalTime.of(9, 0);

  Probation {
    if (months < 1 || months > Employee.MAX_PROBATION_MONTHS) {
      throw new NotValidException("Probation would last " + months + " months; it lasts 1 to "
          + Employee.MAX_PROBATION_MONTHS + " months in all, extensions included.");
    }
  }

  /** The probation of the onboarding in {@code scope}. */
  static Probation of(VariableScope scope, ZoneId zone) {
    return new Probation(date(scope, "startDate", zone), integer(scope, "probationMonths"));
  }

  LocalDate endsOn() {
    return startDate.plusMonths(months);
  }

  Date reviewAt(ZoneId zone) {
    return Date.from(endsOn().atTime(REVIEW_OPENS).atZone(zone).toInstant());
  }

  /** The probation extended by {@code extraMonths}; refused beyond 6 months in all. */
  Probation extendedBy(Integer extraMonths) {
    if (extraMonths == null || extraMonths < 1) {
      throw new NotValidException("Give the extension in whole months, 1 or more.");
    }
    if (months + extraMonths > Employee.MAX_PROBATION_MONTHS) {
      throw new NotValidException("Probation has lasted " + months + " months; it may last "
          + Employee.MAX_PROBATION_MONTHS + " in all, so extend it by at most "
          + (Employee.MAX_PROBATION_MONTHS - months) + ".");
    }
    return new Probation(startDate, months + extraMonths);
  }

  /** Writes the term onto the onboarding: its length, last day and the review's timer. */
  void writeTo(VariableScope scope, ZoneId zone) {
    scope.setVariable("probationMonths", months);
    scope.setVariable("probationEndsOn", endsOn().toString());
    scope.setVariable("probationReviewAt", reviewAt(zone));
  }
}
