package com.careflow.review;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The monthly complaint review's figures (SPEC §1.10) for the cases closed in one month, in
 * the company's time zone. Counts by type cover every closed contact; the rest covers the
 * closed cases of type COMPLAINT.
 *
 * @param month {@code YYYY-MM}
 * @param upheld complaints found justified (投诉理由成立); each is a penalty point
 * @param reopened complaints that needed more than one handling round
 * @param overdue complaints that passed a round's resolution deadline (SPEC §1.7)
 * @param closedLate closed contacts of every type that passed their closing limit (SPEC §1.7)
 * @param onTimeRate on-time complaints out of all closed complaints, 0–1; null with none
 * @param averageHandlingWorkingDays working days from registration to closing, on average
 * @param satisfaction per dimension (attitude, skill, timeliness, promise), per rating
 * @param compensationGranted approved discounts and compensation of these complaints, CNY
 * @param penalties one point per upheld complaint, against its responsible unit and person
 * @param onTimeTrend the on-time rate of the twelve months up to this one
 * @param review the GM office's review of the month, once compiled
 */
public record MonthlyComplaintReport(
    String month, int closedCases, Map<String, Long> byType, int complaints, int upheld,
    int reopened, Map<String, Long> byCategory, Map<String, Long> byResponsibleDepartment,
    Map<String, Long> byResponsiblePerson, Map<String, Long> byRemedy, int onTime, int overdue, int closedLate,
    Double onTimeRate, Double averageHandlingWorkingDays,
    Map<String, Map<String, Long>> satisfaction, BigDecimal compensationGranted,
    Returns returns, List<Penalty> penalties, List<MonthRate> onTimeTrend, Review review) {

  /** The month's closed returns (SPEC §2): settled or rejected, what was booked. */
  public record Returns(int settled, int rejected, long bookedQuantity,
      BigDecimal settlementAmount) {}

  /** Penalty points against a responsible unit, and person when one was named. */
  public record Penalty(String department, String person, long points) {}

  /** A month's on-time rate: complaints closed, how many on time, the rate (null with none). */
  public record MonthRate(String month, long closed, long onTime, Double rate) {}

  /** The GM office's review: IN_REVIEW or PUBLISHED, its decisions, who reviewed, when. */
  public record Review(String status, Instant compiledAt, String decisions, String reviewedBy,
      Instant publishedAt) {}
}
