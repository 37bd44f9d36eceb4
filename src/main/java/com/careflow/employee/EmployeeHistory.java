package com.careflow.employee;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * What an employee's file holds besides the record itself: the pre-job training sittings
 * (SPEC §3.2) and what promotion's eligibility reads (SPEC §4.2): monthly performance scores,
 * disciplinary actions, certificates and management course results; and the bonus deductions
 * of the monthly complaint reviews (SPEC §1.10), which are not disciplinary actions and which
 * promotion does not read. Each list is oldest first.
 */
public record EmployeeHistory(List<TrainingResult> training, List<PerformanceScore> performance,
    List<DisciplinaryAction> disciplinaryActions, List<BonusDeduction> bonusDeductions,
    List<Certificate> certificates, List<CourseResult> courseResults) {

  /** One sitting of a pre-job training module, scored by the trainer. */
  public record TrainingResult(String module, int attempt, BigDecimal score, boolean passed,
      String trainer, Instant recordedAt) {}

  /**
   * A deduction from the performance bonus (绩效奖金罚扣) on a monthly complaint review's reward
   * and penalty notice (SPEC §1.10), as the general manager approved it.
   *
   * @param amount CNY; null for a review before the penalty standard, which counted points
   * @param sourceCase the upheld complaints behind it
   * @param payrollReference the month's bonus run that applied it, once finance has
   */
  public record BonusDeduction(long id, String reviewMonth, BigDecimal amount, String sourceCase,
      String reason, String approvedBy, LocalDate approvedOn, String payrollReference) {}

  /** The performance score of one month, 0–100. */
  public record PerformanceScore(YearMonth month, BigDecimal score, String recordedBy,
      Instant recordedAt) {}

  /**
   * A disciplinary action (纪律处分) and the day it was taken.
   *
   * @param sourceCase the case it comes from (SPEC §8.3): a complaint's number, or the complaint
   *     numbers behind a monthly review's penalty; null for an action HR entered by hand
   * @param recordedBy who decided it: HR's user for an entry by hand, else the deciding user or
   *     group the procedure names
   */
  public record DisciplinaryAction(long id, LocalDate actionOn, DisciplinaryKind kind,
      String reason, String sourceCase, String recordedBy, Instant recordedAt) {}

  /** A certificate the employee holds, e.g. the internal lecturer certificate (内部讲师证). */
  public record Certificate(long id, CertificateKind kind, LocalDate issuedOn, String reference,
      String recordedBy, Instant recordedAt) {}

  /** The result of a management course (管理课程), 0–100. */
  public record CourseResult(long id, CourseLevel level, BigDecimal score, LocalDate completedOn,
      String recordedBy, Instant recordedAt) {}

  /** Warning (警告), demerit (记过), major demerit (记大过). */
  public enum DisciplinaryKind { WARNING, DEMERIT, MAJOR_DEMERIT }

  /** SPEC §4.2: the internal lecturer certificate. */
  public enum CertificateKind { INTERNAL_LECTURER }

  /** SPEC §4.2: junior, intermediate and senior management courses. */
  public enum CourseLevel { JUNIOR, INTERMEDIATE, SENIOR }
}
