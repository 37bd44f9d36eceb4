package com.careflow.employee;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * The customers' satisfaction ratings of the cases an agent took first (SPEC §8.4, 002 15: one
 * of the monthly appraisal inputs), per month the case closed. The complaint register holds
 * them; the monthly review, which counts them already, answers for it
 * ({@code review.AgentRatings}), so the employee file does not reach into the complaint
 * procedure.
 */
public interface CustomerRatings {

  /**
   * The months from {@code from} to {@code to} in which a case that {@code login} registered
   * (as its first-contact agent) on or after {@code since} closed with at least one rating,
   * oldest first.
   */
  List<MonthlyRatings> ofFirstContactAgent(String login, LocalDate since, YearMonth from,
      YearMonth to);
}
