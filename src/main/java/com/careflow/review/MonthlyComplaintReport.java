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
 * @param month {@code YYYY-MM}; for a half-year summary the period, {@code YYYY-MM/YYYY-MM}
 * @param upheld complaints found justified (投诉理由成立); each is a penalty point
 * @param reopened complaints that needed more than one handling round
 * @param overdue complaints that passed a round's resolution deadline (SPEC §1.7)
 * @param closedLate closed contacts of every type that passed their closing limit (SPEC §1.7)
 * @param onTimeRate on-time complaints out of all closed complaints, 0–1; null with none
 * @param averageHandlingWorkingDays working days from registration to closing, on average
 * @param satisfaction per dimension (attitude, skill, timeliness, promise), per rating
 * @param compensationGranted approved discounts and compensation of these complaints, CNY
 * @param byResponsiblePerson upheld complaints per responsible person, by name and employee
 *     number ({@code 赵磊 (EM-0000-0002)}); a name typed before persons were chosen from the
 *     records, as it was typed
 * @param penalties one point per upheld complaint, against its responsible person when one was
 *     named, else its responsible unit
 * @param responsibilities each upheld complaint's responsibility as the GM office decided it (or,
 *     until it decides, as the case's records propose), with its loss and consequences
 * @param byUnit per responsible unit (department or outside party): the loss amounts, the bonus
 *     deductions, the sanctions, the second complaints and the improvements to track
 * @param onTimeTrend the on-time rate of the twelve months up to this one (of the six months,
 *     for a half-year summary)
 * @param review the GM office's review of the month, once compiled
 * @param halfYear in the reviews of June and December (of May and November's figures), the
 *     half-year summary (003 篇十一): the same figures for the six months up to this one; else
 *     null
 */
public record MonthlyComplaintReport(
    String month, int closedCases, Map<String, Long> byType, int complaints, int upheld,
    int reopened, Map<String, Long> byCategory, Map<String, Long> byResponsibleDepartment,
    Map<String, Long> byResponsiblePerson, Map<String, Long> byRemedy, int onTime, int overdue, int closedLate,
    Double onTimeRate, Double averageHandlingWorkingDays,
    Map<String, Map<String, Long>> satisfaction, BigDecimal compensationGranted,
    Returns returns, List<Penalty> penalties, List<CaseResponsibility> responsibilities,
    List<UnitTotals> byUnit, List<MonthRate> onTimeTrend, Review review,
    MonthlyComplaintReport halfYear) {

  /** The same figures with the half-year summary that the month's review includes. */
  public MonthlyComplaintReport withHalfYear(MonthlyComplaintReport summary) {
    return new MonthlyComplaintReport(month, closedCases, byType, complaints, upheld, reopened,
        byCategory, byResponsibleDepartment, byResponsiblePerson, byRemedy, onTime, overdue,
        closedLate, onTimeRate, averageHandlingWorkingDays, satisfaction, compensationGranted,
        returns, penalties, responsibilities, byUnit, onTimeTrend, review, summary);
  }

  /** The month's closed returns (SPEC §2): settled or rejected, what was booked. */
  public record Returns(int settled, int rejected, long bookedQuantity,
      BigDecimal settlementAmount) {}

  /**
   * What the reward and penalty notice holds (SPEC §1.10) against a responsible person, or
   * against a unit when no person was named: one point per upheld complaint, the bonus
   * deduction the penalty standard gives for them, and the sanctions it calls for.
   *
   * @param department the responsible department(s) of these complaints, by id (a name typed
   *     before departments were chosen, as typed)
   * @param person the responsible person's employee number (a name typed before, as typed);
   *     null for a unit's points
   * @param personName the name on the employee record, when {@code person} is one
   * @param complaints the upheld complaints' numbers, oldest first
   * @param bonusDeduction the sum of the penalty standard's deductions for these complaints
   *     (CNY; null in figures compiled before the standard)
   * @param sanctions the administrative sanctions the standard calls for, one per complaint
   *     that has one, {@code CP-2610-0003 WARNING}; HR issues and publishes them
   */
  public record Penalty(String department, String person, String personName, long points,
      List<String> complaints, BigDecimal bonusDeduction, List<String> sanctions) {

    /** Whether the points are against an employee on CareFlow's records. */
    public boolean onRecord() {
      return personName != null;
    }
  }

  /**
   * Who answers for one upheld complaint (SPEC §1.10; 003 篇五 九(九) 判定責任歸屬確認及比率).
   *
   * @param unit the responsible department's or outside party's id
   * @param outsideParty whether {@code unit} is an outside party (supplier, carrier, company)
   * @param person the responsible employee's number, or null for the unit alone
   * @param share the unit's or person's share, percent (100 until the office decides)
   * @param decision PROPOSED (the case's records; the office has not decided), CONFIRMED or
   *     CHANGED by the GM office
   * @param reason why the office changed the proposal, else null
   * @param lossAmount the loss standard's amount charged to the unit: its share of the loss
   * @param bonusDeduction the penalty standard's deduction, in the share
   * @param sanction the sanction the penalty standard calls for: NONE, WARNING, DEMERIT,
   *     MAJOR_DEMERIT
   * @param secondComplaint whether the customer came back (more than one handling round)
   * @param improvementTracking whether the investigation put an improvement under tracking
   */
  public record CaseResponsibility(String complaint, String category, String unit,
      boolean outsideParty, String person, int share, String decision, String reason,
      BigDecimal lossAmount, BigDecimal bonusDeduction, String sanction, boolean secondComplaint,
      boolean improvementTracking) {}

  /**
   * A responsible unit's month (SPEC §1.10): its upheld complaints, their loss amounts, the
   * bonus deductions against it or its people, the sanctions, the second complaints and the
   * improvements under tracking (not yet confirmed).
   */
  public record UnitTotals(String unit, boolean outsideParty, long complaints,
      BigDecimal lossAmount, BigDecimal bonusDeductions, long sanctions, long secondComplaints,
      long improvementTrackings) {}

  /** A month's on-time rate: complaints closed, how many on time, the rate (null with none). */
  public record MonthRate(String month, long closed, long onTime, Double rate) {}

  /**
   * The GM office's review: IN_REVIEW or PUBLISHED, its decisions, who reviewed, who approved
   * the reward and penalty notice (奖罚通知单), when it was published.
   */
  public record Review(String status, Instant compiledAt, String decisions, String reviewedBy,
      String noticeApprovedBy, Instant publishedAt) {}
}
