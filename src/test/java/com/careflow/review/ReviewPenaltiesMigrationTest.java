package com.careflow.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.careflow.support.CareFlowSpringTest;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * SPEC §1.10 for a database an earlier release wrote: the monthly reviews' penalty points, then
 * recorded as disciplinary actions that barred promotion, become the bonus deductions of their
 * reviews (Flyway V21, run here again over rows as those releases wrote them, in either
 * language); an action HR entered by hand stays what it is.
 */
@CareFlowSpringTest
class ReviewPenaltiesMigrationTest {

  private static final String EMPLOYEE = "EM-0000-0001";

  @Autowired private JdbcTemplate jdbc;
  @Autowired private DataSource dataSource;

  @AfterEach
  void cleanUp() {
    jdbc.update("DELETE FROM employee_bonus_deduction WHERE source_case LIKE 'CP-1901-%'");
    jdbc.update("DELETE FROM employee_disciplinary_action WHERE source_case LIKE 'CP-1901-%' "
        + "OR reason = 'Late three times (migration test)'");
  }

  @Test
  void aReviewsPenaltyPointsBecomeItsBonusDeductionsAndLeaveTheDisciplinaryRecord()
      throws Exception {
    Timestamp at = Timestamp.from(Instant.parse("2019-02-01T02:00:00Z"));
    jdbc.update("INSERT INTO employee_disciplinary_action (employee_id, action_on, kind, reason, "
        + "source_case, recorded_by, recorded_at) VALUES (?, DATE '2019-02-01', 'WARNING', ?, ?, "
        + "'gm', ?)", EMPLOYEE, "月度投诉评审 2019-01：成立投诉 2 宗，罚 2 分（奖罚通知单经总经理批准）",
        "CP-1901-0001, CP-1901-0002", at);
    jdbc.update("INSERT INTO employee_disciplinary_action (employee_id, action_on, kind, reason, "
        + "source_case, recorded_by, recorded_at) VALUES (?, DATE '2019-03-01', 'WARNING', ?, ?, "
        + "'gm', ?)", EMPLOYEE, "Monthly complaint review 2019-02: 1 upheld complaint(s), "
        + "1 penalty point(s) (reward and penalty notice approved by the general manager)",
        "CP-1901-0003", at);
    jdbc.update("INSERT INTO employee_disciplinary_action (employee_id, action_on, kind, reason, "
        + "recorded_by, recorded_at) VALUES (?, DATE '2019-03-02', 'WARNING', "
        + "'Late three times (migration test)', 'hr', ?)", EMPLOYEE, at);

    try (Connection connection = dataSource.getConnection()) {
      ScriptUtils.executeSqlScript(connection, new ClassPathResource(
          "db/migration/V21__review_penalties_are_bonus_deductions.sql"));
    }

    List<Map<String, Object>> deductions = jdbc.queryForList("SELECT review_month, amount, "
        + "source_case, approved_by, approved_on FROM employee_bonus_deduction "
        + "WHERE source_case LIKE 'CP-1901-%' ORDER BY review_month");
    assertThat(deductions).hasSize(2);
    assertThat(deductions.get(0)).containsEntry("REVIEW_MONTH", "2019-01")
        .containsEntry("SOURCE_CASE", "CP-1901-0001, CP-1901-0002")
        .containsEntry("APPROVED_BY", "gm");
    assertThat(deductions.get(0).get("AMOUNT")).as("points, not yuan, then").isNull();
    assertThat(deductions.get(1)).containsEntry("REVIEW_MONTH", "2019-02");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM employee_disciplinary_action "
        + "WHERE source_case LIKE 'CP-1901-%'", Integer.class))
        .as("no review's point is a disciplinary action any more").isZero();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM employee_disciplinary_action "
        + "WHERE reason = 'Late three times (migration test)'", Integer.class))
        .as("HR's own entry stays").isOne();
  }
}
