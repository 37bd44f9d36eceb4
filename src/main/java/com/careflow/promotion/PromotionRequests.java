package com.careflow.promotion;

import com.careflow.promotion.Promotion.PromotionType;
import com.careflow.promotion.Promotion.Track;
import jakarta.validation.constraints.FutureOrPresent;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/** The request bodies of the promotion API (SPEC §4.3, §4.4). */
public final class PromotionRequests {

  private PromotionRequests() {}

  /**
   * {@code POST /api/promotions}: a department manager nominates an employee (SPEC §4.3), with
   * the material the procedure asks for.
   *
   * @param track PERIODIC or EXCEPTIONAL; a VACANCY is a competition's, entered by registering
   * @param targetGrade the grade aimed at, for a POSITION promotion (above the current one)
   * @param evaluation the promotion evaluation form (员工晋升评估表)
   * @param selfReport the employee's self-report (自我述职报告)
   * @param supervisorRecommendation the supervisor's appraisal or recommendation (主管鉴定或推荐书)
   * @param examples convincing examples (具有说服力的事例)
   */
  public record Nomination(
      @NotBlank @Size(max = 20) String employeeId,
      @NotNull PromotionType promotionType,
      @NotNull Track track,
      @Min(1) @Max(10) Integer targetGrade,
      @Size(max = 100) String targetPosition,
      @NotBlank @Size(max = 4000) String evaluation,
      @NotBlank @Size(max = 4000) String selfReport,
      @NotBlank @Size(max = 4000) String supervisorRecommendation,
      @Size(max = 4000) String examples) {}

  /**
   * {@code POST /api/promotions/competitions}: HR publishes an internal competition for a vacant
   * post (SPEC §4.4).
   *
   * @param eligibility what HR requires beyond SPEC §4.2, as published
   * @param closesOn the last day to register
   * @param panel the review panel's Tasklist users
   */
  public record CompetitionNotice(
      @NotBlank @Size(max = 200) String post,
      @NotNull @Min(1) @Max(10) Integer targetGrade,
      @NotNull @Min(1) @Max(50) Integer places,
      @Size(max = 2000) String eligibility,
      @NotNull @FutureOrPresent LocalDate closesOn,
      @NotEmpty @Size(max = 15) List<@NotBlank @Size(max = 64) String> panel) {}

  /** {@code POST /api/promotions/competitions/{id}/candidates}: a candidate registers. */
  public record Candidacy(
      @NotBlank @Size(max = 20) String employeeId,
      @Size(max = 4000) String selfReport) {}
}
