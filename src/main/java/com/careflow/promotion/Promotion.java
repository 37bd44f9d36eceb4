package com.careflow.promotion;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A promotion (SPEC §4): a manager's nomination (PERIODIC, EXCEPTIONAL) or a candidate's entry
 * in an internal competition (VACANCY), the facts its eligibility was decided on, and how it
 * ended.
 *
 * @param unmetConditions the decision's unmet conditions; empty when eligible, null before
 * @param rank the candidate's place in the competition, by the panel's score
 */
public record Promotion(String id, String employeeId, PromotionType promotionType, Track track,
    String competitionId, int currentGrade, int targetGrade, int currentPayLevel,
    int targetPayLevel, String targetPosition, Material material, String nominatedBy,
    Instant nominatedAt, Status status, EligibilityFacts facts, List<String> unmetConditions,
    BigDecimal panelScore, Integer rank, Decision decision, String processInstanceId) {

  /** SPEC §4.1: a higher pay level within the grade (晋级), or a higher grade (晋职). */
  public enum PromotionType { PAY_LEVEL, POSITION }

  /**
   * SPEC §4.1: the regular round, an internal competition, or an exceptional promotion; and
   * CONVERSION, the one pay-level step granted at the confirmation of probation (SPEC §3.4,
   * 试用期转正晋级), recorded by onboarding, never nominated, never put to the decision.
   */
  public enum Track { PERIODIC, VACANCY, EXCEPTIONAL, CONVERSION }

  /**
   * Where a promotion stands: REGISTERED until its eligibility is decided; INELIGIBLE (ends);
   * IN_REVIEW with HR or the panel; SELECTED or NOT_SELECTED (ends) by a competition's ranking;
   * APPROVED with its effective date; REJECTED (ends); EFFECTIVE once the record is updated.
   */
  public enum Status {
    REGISTERED, INELIGIBLE, IN_REVIEW, SELECTED, NOT_SELECTED, APPROVED, REJECTED, EFFECTIVE
  }

  /** SPEC §4.3: what the department sends HR (员工晋升评估表, 自我述职报告, 推荐书, 事例). */
  public record Material(String evaluation, String selfReport, String supervisorRecommendation,
      String examples) {}

  /** The approver's decision and, when approved, the day it takes effect. */
  public record Decision(String decidedBy, Instant decidedAt, String note,
      LocalDate effectiveDate) {}
}
