package com.careflow.together;

import static org.assertj.core.api.Assertions.assertThat;

import com.careflow.support.AsyncSteps;
import com.careflow.support.CareFlowSpringTest;
import com.careflow.support.MonthlyReviewStart;
import com.careflow.support.Tasklist;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * SPEC §8.3, the company's story in one case: a customer complains about demo agent
 * {@code agent2}'s conduct; the management office records her as responsible and decides a
 * warning, which HR publishes on the personnel notice, and then it lands on her record; the month's review is approved by the GM office and the general
 * manager's reward and penalty notice deducts her performance bonus for it (SPEC §1.10), which
 * her file shows as a deduction, not as a second disciplinary action, each with the
 * complaint's number; a nomination of {@code agent2} for promotion then reports DISCIPLINE, for
 * the case's own warning.
 * Worked through the REST API Tasklist calls; the review's timer is fired on the engine clock.
 * The demo data is shared with the other tests: the story takes agent2's new actions off her
 * record when it ends, so that they find her as the README describes her.
 */
@CareFlowSpringTest
class CompanyStoryTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final String AGENT2 = "EM-0000-0002";

  @LocalServerPort private int port;
  @Autowired private ObjectMapper json;
  @Autowired private ProcessEngine engine;
  @Autowired private JdbcTemplate jdbc;

  private Tasklist tasklist;

  @BeforeEach
  void tasklist() {
    tasklist = new Tasklist(port, json);
  }

  private String complaint;

  @AfterEach
  void resetClockAndAgent2() {
    ClockUtil.reset();
    if (complaint != null) {
      jdbc.update("DELETE FROM employee_disciplinary_action WHERE employee_id = ? "
          + "AND source_case LIKE ?", AGENT2, "%" + complaint + "%");
      jdbc.update("DELETE FROM employee_bonus_deduction WHERE employee_id = ? "
          + "AND source_case LIKE ?", AGENT2, "%" + complaint + "%");
    }
  }

  @Test
  void aServiceComplaintAgainstAgent2EndsOnHerRecordAndBlocksHerPromotion() {
    // the monthly review deducts her bonus for it; only the case's warning bars her promotion
    LocalDate today = LocalDate.now(SHANGHAI);
    assertThat(actionsOf(AGENT2)).as("no action of the last six months before the story")
        .allSatisfy(action -> assertThat(LocalDate.parse(action.get("actionOn").asText()))
            .isBefore(today.minusMonths(6)));

    // 1. the complaint, its triage and the management office's finding
    complaint = tasklist.registerComplaint("agent", "The agent hung up on me");
    tasklist.complete("agent", tasklist.myTask("agent", complaint, "TriageComplaint"), Map.of(
        "complaintValid", true, "severe", false, "category", "SERVICE_CONDUCT",
        "specialCase", false, "important", false));
    // a complaint about a colleague: a customer-service manager accepts it (SPEC §1.4)
    tasklist.complete("csmanager", tasklist.claim("csmanager", complaint, "RuleOnComplaint"),
        Map.of("rulingAccepted", true, "category", "SERVICE_CONDUCT",
            "rulingNote", "Accepted: the call recording confirms it."));
    tasklist.complete("office", tasklist.claim("office", complaint, "RecordResponsibility"),
        Map.of("responsibleDepartment", "customer-service", "responsiblePerson", AGENT2,
            "disciplinaryKind", "WARNING",
            "disciplinaryResult", "A written warning for hanging up on a customer."));
    AsyncSteps.runDue(engine, complaint); // the sanction goes to HR, the customer is told
    tasklist.customerAccepts("agent", complaint, "Fine.");
    AsyncSteps.runDue(engine, complaint);
    assertThat(tasklist.read(tasklist.send("agent", "GET", "/api/complaints/" + complaint, null))
        .get("status").asText()).isEqualTo("CLOSED");
    assertThat(actionsOf(AGENT2)).as("nothing on her record before HR publishes it")
        .noneSatisfy(action -> assertThat(action.get("sourceCase").asText())
            .isEqualTo(complaint));

    // HR publishes the sanction on the personnel notice (人事公布单, SPEC §1.10)
    tasklist.complete("hr", tasklist.claim("hr", complaint, "PublishSanction"), Map.of(
        "sanctionPublished", true, "personnelNotice", "RS-STORY-1"));
    AsyncSteps.runDue(engine, complaint);
    assertThat(actionsOf(AGENT2)).as("the office's finding, with its case").anySatisfy(action -> {
      assertThat(action.get("sourceCase").asText()).isEqualTo(complaint);
      assertThat(action.get("kind").asText()).isEqualTo("WARNING");
      assertThat(action.get("reason").asText()).contains("hanging up", "RS-STORY-1");
    });

    // 2. the month's review: the GM office reviews, the general manager approves the notice
    YearMonth month = YearMonth.from(today);
    String review = MonthlyReviewStart.startTheReviewOf(engine, month);
    MonthlyReviewStart.decideAllBut(engine, review, complaint);
    tasklist.complete("gmoffice", tasklist.claim("gmoffice", review, "DecideResponsibility"),
        Map.of("decidedDepartment", "customer-service", "decidedPerson", AGENT2,
            "decidedShare", 100));
    AsyncSteps.runDue(engine, review); // compiled again with the office's decision
    tasklist.complete("gmoffice", tasklist.claim("gmoffice", review, "ReviewMonthlyReport"),
        Map.of("approved", true));
    tasklist.complete("gm", tasklist.claim("gm", review, "ApproveRewardPenaltyNotice"),
        Map.of("noticeApproved", true));
    AsyncSteps.runDue(engine, review);

    // 3. agent2's file shows the month's bonus deduction with the complaint number (SPEC §1.10:
    //    the penalty standard's 100 CNY for a service-conduct mistake), which is no disciplinary
    //    action: her record holds the case's own warning, once
    JsonNode file = tasklist.read(tasklist.send("hr", "GET", "/api/employees/" + AGENT2, null))
        .get("file");
    List<JsonNode> deductions = new ArrayList<>();
    file.get("bonusDeductions").forEach(deduction -> {
      if (deduction.get("sourceCase").asText().contains(complaint)) {
        deductions.add(deduction);
      }
    });
    assertThat(deductions).as("the approved notice's deduction, sourced by the complaint")
        .singleElement().satisfies(deduction -> {
          assertThat(deduction.get("reviewMonth").asText()).isEqualTo(month.toString());
          assertThat(deduction.get("amount").decimalValue()).isEqualByComparingTo("100");
          assertThat(deduction.get("approvedBy").asText()).isEqualTo("gm");
        });
    List<JsonNode> fromThisCase = new ArrayList<>();
    file.get("disciplinaryActions").forEach(action -> {
      if (action.get("sourceCase").asText().contains(complaint)) {
        fromThisCase.add(action);
      }
    });
    assertThat(fromThisCase).as("the case's own warning, and no second one from the review")
        .hasSize(1);

    // 4. a nomination of agent2 reports DISCIPLINE
    ClockUtil.reset();
    JsonNode nomination = tasklist.read(tasklist.send("csmanager", "POST", "/api/promotions",
        json.createObjectNode().put("employeeId", AGENT2).put("promotionType", "POSITION")
            .put("track", "PERIODIC").put("targetGrade", 2).put("targetPosition", "Senior agent")
            .put("evaluation", "Evaluation form.").put("selfReport", "Self-report.")
            .put("supervisorRecommendation", "Recommended.").put("examples", "None.")
            .toString()));
    assertThat(nomination.get("eligible").asBoolean()).isFalse();
    assertThat(nomination.get("unmetConditions").toString()).contains("DISCIPLINE");
  }

  private JsonNode actionsOf(String employee) {
    return tasklist.read(tasklist.send("hr", "GET", "/api/employees/" + employee, null))
        .get("file").get("disciplinaryActions");
  }
}
