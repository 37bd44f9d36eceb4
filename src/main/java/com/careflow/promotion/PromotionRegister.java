package com.careflow.promotion;

import com.careflow.identity.Departments.Scope;
import com.careflow.numbering.CaseNumbers.CaseNumber;
import com.careflow.promotion.Promotion.Decision;
import com.careflow.promotion.Promotion.Material;
import com.careflow.promotion.Promotion.PromotionType;
import com.careflow.promotion.Promotion.Status;
import com.careflow.promotion.Promotion.Track;
import com.careflow.register.RegisterQuery;
import com.careflow.register.RegisterQuery.Page;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The promotions register and its competitions (SPEC §4), kept by {@code staff-promotion} in
 * the engine's transaction; candidates register through {@link PromotionController}.
 */
@Component
public class PromotionRegister {

  /** A promotion as nominated or registered for a competition. */
  public record Entry(String employeeId, PromotionType promotionType, Track track,
      String competitionId, int currentGrade, int targetGrade, int currentPayLevel,
      int targetPayLevel, String targetPosition, Material material, String nominatedBy) {}

  /** Register filters; null means any. */
  public record Filter(String employeeId, Status status, Track track,
      PromotionType promotionType, String competitionId) {}

  private final NamedParameterJdbcTemplate jdbc;

  public PromotionRegister(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  // --- promotions ---

  public void insert(CaseNumber id, Entry entry, Instant at, String processInstanceId) {
    Material material = entry.material();
    jdbc.update("""
        INSERT INTO promotion (id, period, serial, employee_id, promotion_type, track,
          competition_id, current_grade, target_grade, current_pay_level, target_pay_level,
          target_position, evaluation, self_report, supervisor_recommendation, examples,
          nominated_by, nominated_at, status, process_instance_id)
        VALUES (:id, :period, :serial, :employeeId, :type, :track, :competitionId, :currentGrade,
          :targetGrade, :currentPayLevel, :targetPayLevel, :targetPosition, :evaluation,
          :selfReport, :recommendation, :examples, :nominatedBy, :at, 'REGISTERED',
          :processInstanceId)""",
        new MapSqlParameterSource("id", id.toString()).addValue("period", id.period())
            .addValue("serial", id.serial()).addValue("employeeId", entry.employeeId())
            .addValue("type", entry.promotionType().name()).addValue("track", entry.track().name())
            .addValue("competitionId", entry.competitionId())
            .addValue("currentGrade", entry.currentGrade())
            .addValue("targetGrade", entry.targetGrade())
            .addValue("currentPayLevel", entry.currentPayLevel())
            .addValue("targetPayLevel", entry.targetPayLevel())
            .addValue("targetPosition", entry.targetPosition())
            .addValue("evaluation", material == null ? null : material.evaluation())
            .addValue("selfReport", material == null ? null : material.selfReport())
            .addValue("recommendation",
                material == null ? null : material.supervisorRecommendation())
            .addValue("examples", material == null ? null : material.examples())
            .addValue("nominatedBy", entry.nominatedBy()).addValue("at", Timestamp.from(at))
            .addValue("processInstanceId", processInstanceId));
  }

  /** The facts the eligibility is decided on. */
  public void recordFacts(String id, EligibilityFacts facts) {
    jdbc.update("""
        UPDATE promotion SET employment_status = :employment, months_in_grade = :months,
          avg_performance_score = :average,
          disciplinary_actions_6m = :disciplinary, has_lecturer_certificate = :lecturer,
          at_top_pay_level = :top, junior_course_score = :junior,
          intermediate_course_score = :intermediate, senior_course_score = :senior
        WHERE id = :id""",
        new MapSqlParameterSource("id", id).addValue("employment", facts.employmentStatus())
            .addValue("months", facts.monthsInGrade())
            .addValue("average", facts.avgPerformanceScore())
            .addValue("disciplinary", facts.disciplinaryActions6m())
            .addValue("lecturer", facts.hasLecturerCertificate())
            .addValue("top", facts.atTopPayLevel())
            .addValue("junior", facts.juniorCourseScore())
            .addValue("intermediate", facts.intermediateCourseScore())
            .addValue("senior", facts.seniorCourseScore()));
  }

  /** The decision: INELIGIBLE with what is unmet, else IN_REVIEW. */
  public void recordEligibility(String id, List<String> unmet) {
    jdbc.update("UPDATE promotion SET unmet_conditions = :unmet, status = :status WHERE id = :id",
        new MapSqlParameterSource("id", id).addValue("unmet", String.join(",", unmet))
            .addValue("status", (unmet.isEmpty() ? Status.IN_REVIEW : Status.INELIGIBLE).name()));
  }

  public void recordPanelScore(String id, BigDecimal score) {
    jdbc.update("UPDATE promotion SET panel_score = :score WHERE id = :id",
        new MapSqlParameterSource("id", id).addValue("score", score));
  }

  /** A competition candidate's place and whether it is among the places. */
  public void rank(String id, int rank, boolean selected) {
    jdbc.update("UPDATE promotion SET competition_rank = :rank, status = :status WHERE id = :id",
        new MapSqlParameterSource("id", id).addValue("rank", rank)
            .addValue("status", (selected ? Status.SELECTED : Status.NOT_SELECTED).name()));
  }

  /** The approver's decision on the promotions: APPROVED (with the effective date) or REJECTED. */
  public void decide(List<String> ids, Status status, Decision decision) {
    jdbc.update("""
        UPDATE promotion SET status = :status, decided_by = :by, decided_at = :at,
          decision_note = :note, effective_date = :effective
        WHERE id IN (:ids)""",
        new MapSqlParameterSource("ids", ids).addValue("status", status.name())
            .addValue("by", decision.decidedBy())
            .addValue("at", Timestamp.from(decision.decidedAt()))
            .addValue("note", decision.note()).addValue("effective", decision.effectiveDate()));
  }

  public void takeEffect(String id) {
    jdbc.update("UPDATE promotion SET status = 'EFFECTIVE' WHERE id = :id",
        new MapSqlParameterSource("id", id));
  }

  public Optional<Promotion> find(String id) {
    return jdbc.query("SELECT * FROM promotion WHERE id = :id",
        new MapSqlParameterSource("id", id), PromotionRegister::promotion).stream().findFirst();
  }

  /** A competition's candidates, in the order they registered. */
  public List<Promotion> candidates(String competitionId) {
    return jdbc.query("SELECT * FROM promotion WHERE competition_id = :id "
            + "ORDER BY nominated_at, id",
        new MapSqlParameterSource("id", competitionId), PromotionRegister::promotion);
  }

  /** A page of the promotions of employees within {@code scope}. */
  public Page<Promotion> search(Filter filter, Scope scope, int page, int size) {
    RegisterQuery query = RegisterQuery.of("promotion", "id");
    if (!scope.all()) {
      query.where("employee_id IN (SELECT id FROM employee WHERE department IN (:departments))",
          "departments", scope.departments().isEmpty() ? List.of("") : scope.departments());
    }
    return query
        .equal("employee_id", filter.employeeId())
        .equal("status", filter.status() == null ? null : filter.status().name())
        .equal("track", filter.track() == null ? null : filter.track().name())
        .equal("promotion_type",
            filter.promotionType() == null ? null : filter.promotionType().name())
        .equal("competition_id", filter.competitionId())
        .page(jdbc, "nominated_at", PromotionRegister::promotion, page, size);
  }

  // --- competitions ---

  public void insertCompetition(CaseNumber id, Competition competition,
      String processInstanceId) {
    jdbc.update("""
        INSERT INTO promotion_competition (id, period, serial, post, target_grade, places,
          eligibility, closes_on, panel, published_by, published_at, status, process_instance_id)
        VALUES (:id, :period, :serial, :post, :targetGrade, :places, :eligibility, :closesOn,
          :panel, :publishedBy, :publishedAt, 'OPEN', :processInstanceId)""",
        new MapSqlParameterSource("id", id.toString()).addValue("period", id.period())
            .addValue("serial", id.serial()).addValue("post", competition.post())
            .addValue("targetGrade", competition.targetGrade())
            .addValue("places", competition.places())
            .addValue("eligibility", competition.eligibility())
            .addValue("closesOn", competition.closesOn())
            .addValue("panel", String.join(",", competition.panel()))
            .addValue("publishedBy", competition.publishedBy())
            .addValue("publishedAt", Timestamp.from(competition.publishedAt()))
            .addValue("processInstanceId", processInstanceId));
  }

  public Optional<Competition> findCompetition(String id) {
    return jdbc.query("SELECT * FROM promotion_competition WHERE id = :id",
        new MapSqlParameterSource("id", id), PromotionRegister::competition).stream()
        .findFirst();
  }

  public void markCompetition(String id, Competition.Status status) {
    jdbc.update("UPDATE promotion_competition SET status = :status WHERE id = :id",
        new MapSqlParameterSource("id", id).addValue("status", status.name()));
  }

  private static Promotion promotion(ResultSet row, int index) throws SQLException {
    String unmet = row.getString("unmet_conditions");
    EligibilityFacts facts = row.getObject("months_in_grade") == null ? null
        : new EligibilityFacts(row.getString("employment_status"), row.getString("promotion_type"), row.getString("track"),
            row.getInt("current_grade"), row.getInt("target_grade"),
            row.getInt("months_in_grade"), row.getBigDecimal("avg_performance_score"),
            row.getInt("disciplinary_actions_6m"), row.getBoolean("has_lecturer_certificate"),
            row.getBoolean("at_top_pay_level"), row.getBigDecimal("junior_course_score"),
            row.getBigDecimal("intermediate_course_score"),
            row.getBigDecimal("senior_course_score"));
    Timestamp decidedAt = row.getTimestamp("decided_at");
    Date effective = row.getDate("effective_date");
    return new Promotion(row.getString("id"), row.getString("employee_id"),
        PromotionType.valueOf(row.getString("promotion_type")),
        Track.valueOf(row.getString("track")), row.getString("competition_id"),
        row.getInt("current_grade"), row.getInt("target_grade"),
        row.getInt("current_pay_level"), row.getInt("target_pay_level"),
        row.getString("target_position"),
        new Material(row.getString("evaluation"), row.getString("self_report"),
            row.getString("supervisor_recommendation"), row.getString("examples")),
        row.getString("nominated_by"), row.getTimestamp("nominated_at").toInstant(),
        Status.valueOf(row.getString("status")), facts,
        unmet == null ? null : unmet.isEmpty() ? List.of() : Arrays.asList(unmet.split(",")),
        row.getBigDecimal("panel_score"), (Integer) row.getObject("competition_rank"),
        decidedAt == null ? null : new Decision(row.getString("decided_by"),
            decidedAt.toInstant(), row.getString("decision_note"),
            effective == null ? null : effective.toLocalDate()),
        row.getString("process_instance_id"));
  }

  private static Competition competition(ResultSet row, int index) throws SQLException {
    return new Competition(row.getString("id"), row.getString("post"),
        row.getInt("target_grade"), row.getInt("places"), row.getString("eligibility"),
        row.getDate("closes_on").toLocalDate(), List.of(row.getString("panel").split(",")),
        row.getString("published_by"), row.getTimestamp("published_at").toInstant(),
        Competition.Status.valueOf(row.getString("status")),
        row.getString("process_instance_id"));
  }
}
