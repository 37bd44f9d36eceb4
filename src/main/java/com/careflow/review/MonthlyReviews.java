package com.careflow.review;

import com.careflow.review.MonthlyComplaintReport.Review;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The stored monthly reviews (SPEC §1.10): the figures as compiled for the GM office, and once
 * approved, the responsibility and penalty decisions and when they were published.
 */
@Component
public class MonthlyReviews {

  private final NamedParameterJdbcTemplate jdbc;

  public MonthlyReviews(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The month's figures are (again) compiled and waiting for the GM office. */
  void compiled(String month, String processInstanceId, String figures, Instant at) {
    MapSqlParameterSource row = new MapSqlParameterSource("month", month)
        .addValue("pid", processInstanceId).addValue("figures", figures)
        .addValue("at", Timestamp.from(at));
    if (jdbc.update("UPDATE complaint_monthly_review SET process_instance_id = :pid, "
        + "status = 'IN_REVIEW', compiled_at = :at, figures = :figures, decisions = NULL, "
        + "reviewed_by = NULL, notice_approved_by = NULL, published_at = NULL "
        + "WHERE report_month = :month", row) == 0) {
      jdbc.update("INSERT INTO complaint_monthly_review (report_month, process_instance_id, "
          + "status, compiled_at, figures) VALUES (:month, :pid, 'IN_REVIEW', :at, :figures)", row);
    }
  }

  /**
   * The GM office reviewed the month and the general manager approved its reward and penalty
   * notice: it is published with its decisions.
   */
  void published(String month, String decisions, String reviewedBy, String noticeApprovedBy,
      Instant at) {
    jdbc.update("UPDATE complaint_monthly_review SET status = 'PUBLISHED', decisions = :decisions, "
            + "reviewed_by = :reviewedBy, notice_approved_by = :approvedBy, published_at = :at "
            + "WHERE report_month = :month",
        new MapSqlParameterSource("month", month).addValue("decisions", decisions)
            .addValue("reviewedBy", reviewedBy).addValue("approvedBy", noticeApprovedBy)
            .addValue("at", Timestamp.from(at)));
  }

  /** The month's figures as compiled for the review (JSON), the ones the notice was made on. */
  Optional<String> figures(String month) {
    return jdbc.queryForList("SELECT figures FROM complaint_monthly_review "
        + "WHERE report_month = :month", new MapSqlParameterSource("month", month), String.class)
        .stream().findFirst();
  }

  public Optional<Review> find(String month) {
    return jdbc.query("SELECT * FROM complaint_monthly_review WHERE report_month = :month",
        new MapSqlParameterSource("month", month),
        (row, index) -> new Review(row.getString("status"),
            row.getTimestamp("compiled_at").toInstant(), row.getString("decisions"),
            row.getString("reviewed_by"), row.getString("notice_approved_by"),
            row.getTimestamp("published_at") == null ? null
                : row.getTimestamp("published_at").toInstant())).stream().findFirst();
  }
}
