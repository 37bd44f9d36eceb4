package com.careflow.together;

import static org.assertj.core.api.Assertions.assertThat;

import com.careflow.support.AsyncSteps;
import com.careflow.support.CareFlowSpringTest;
import com.careflow.support.MonthlyReviewStart;
import com.careflow.support.Tasklist;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
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
 * SPEC §1.10 and §8.3, a bonus deduction told as the company lives it: quality finds demo agent
 * {@code agent} (EM-0000-0001, eligible for grade 3) responsible for an upheld product-quality
 * complaint, through her negligence; next month's review puts the penalty standard's 200 CNY
 * (seed 003 篇七 9.6) on the reward and penalty notice, the general manager approves it, finance
 * applies it in the month's bonus run, and her file shows the deduction with the complaint's
 * number and the payroll reference. It is no disciplinary action: a
 * nomination of her is still eligible. Worked through the REST API Tasklist calls, on the
 * engine clock: the complaint closes next month, whose review is held the month after.
 */
@CareFlowSpringTest
class BonusDeductionStoryTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final String AGENT = "EM-0000-0001";

  @LocalServerPort private int port;
  @Autowired private ObjectMapper json;
  @Autowired private ProcessEngine engine;
  @Autowired private JdbcTemplate jdbc;

  private Tasklist tasklist;
  private String complaint;

  @BeforeEach
  void connect() {
    tasklist = new Tasklist(port, json);
  }

  @AfterEach
  void forget() {
    ClockUtil.reset();
    if (complaint != null) {
      jdbc.update("DELETE FROM employee_bonus_deduction WHERE source_case LIKE ?",
          "%" + complaint + "%");
    }
  }

  @Test
  void aNegligentAgentsBonusIsCutThroughTheMonthlyReviewAndHerPromotionIsNotBarred() {
    YearMonth month = YearMonth.now(SHANGHAI).plusMonths(1);
    ClockUtil.setCurrentTime(Date.from(month.atDay(10).atTime(10, 0).atZone(SHANGHAI)
        .toInstant()));

    // 1. an upheld product-quality complaint; quality finds the agent negligent
    complaint = tasklist.registerComplaint("agent2", "The seal was left open");
    tasklist.complete("agent2", tasklist.myTask("agent2", complaint, "TriageComplaint"), Map.of(
        "complaintValid", true, "severe", false, "category", "PRODUCT_QUALITY",
        "specialCase", false, "important", false));
    tasklist.complete("quality", tasklist.claim("quality", complaint, "InvestigateComplaint"),
        Map.of("rootCause", "The agent promised a seal check that never happened",
            "responsibleDepartment", "customer-service", "responsiblePerson", AGENT,
            "correctiveAction", "Checklist for promised checks", "humanNegligence", true,
            "punishIndividually", false));
    tasklist.vicePresidentInstructs(complaint);
    tasklist.complete("sales", tasklist.claim("sales", complaint, "ProposeRemedy"), Map.of(
        "remedy", "NONE", "remedyNote", "An apology and the check done at last."));
    AsyncSteps.runDue(engine, complaint);
    tasklist.customerAccepts("agent2", complaint, "Accepted.");
    AsyncSteps.runDue(engine, complaint);
    assertThat(tasklist.read(tasklist.send("agent2", "GET", "/api/complaints/" + complaint,
        null)).get("status").asText()).isEqualTo("CLOSED");

    // 2. the month's review: the notice holds 200 CNY against the agent; the GM approves
    String review = MonthlyReviewStart.startTheReviewOf(engine, month);
    //    the GM office confirms the case's proposed responsibility (SPEC §1.10), as Tasklist does
    MonthlyReviewStart.decideAllBut(engine, review, complaint);
    JsonNode decision = tasklist.claim("gmoffice", review, "DecideResponsibility");
    assertThat(tasklist.send("gmoffice", "GET", "/engine-rest/task/" + decision.get("id")
        .asText() + "/form-variables", null).body()).contains(complaint, AGENT);
    tasklist.complete("gmoffice", decision, Map.of("decidedDepartment", "customer-service",
        "decidedPerson", AGENT, "decidedShare", 100));
    AsyncSteps.runDue(engine, review); // the figures, compiled again with the decision
    JsonNode reviewTask = tasklist.claim("gmoffice", review, "ReviewMonthlyReport");
    String notice = tasklist.form("gmoffice", reviewTask).toString();
    tasklist.complete("gmoffice", reviewTask, Map.of("approved", true));
    JsonNode approval = tasklist.claim("gm", review, "ApproveRewardPenaltyNotice");
    assertThat(engine.getRuntimeService().getVariable(engine.getTaskService().createTaskQuery()
        .taskId(approval.get("id").asText()).singleResult().getProcessInstanceId(),
        "penaltySummary").toString()).as("the notice, as the GM office and the GM read it: "
            + notice).contains(AGENT + "): 1 point, bonus deduction 200.00 CNY", complaint);
    tasklist.complete("gm", approval, Map.of("noticeApproved", true));
    AsyncSteps.runDue(engine, review);

    // 3. finance applies the notice in the month's bonus run and records its payroll reference
    tasklist.complete("finance", tasklist.claim("finance", review, "ApplyBonusDeductions"),
        Map.of("payrollReference", "PAY-" + month));
    AsyncSteps.runDue(engine, review);
    // and customer service's managers are told their own people's deductions
    JsonNode department = tasklist.claim("csmanager", review, "CarryOutDeductions");
    assertThat(tasklist.read(tasklist.send("csmanager", "GET", "/engine-rest/task/"
        + department.get("id").asText() + "/form-variables", null)).path("departmentNotice")
        .path("value").asText()).contains(AGENT + "): 200.00 CNY", complaint);
    tasklist.complete("csmanager", department, Map.of("departmentNote", "Told her."));
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(review).finished().count()).as("the review is done").isOne();

    // 4. her file shows the deduction with the complaint and the payroll run; no disciplinary
    //    action came of it
    JsonNode file = tasklist.read(tasklist.send("hr", "GET", "/api/employees/" + AGENT, null))
        .get("file");
    List<JsonNode> deductions = new ArrayList<>();
    file.get("bonusDeductions").forEach(deduction -> {
      if (deduction.get("sourceCase").asText().contains(complaint)) {
        deductions.add(deduction);
      }
    });
    assertThat(deductions).singleElement().satisfies(deduction -> {
      assertThat(deduction.get("reviewMonth").asText()).isEqualTo(month.toString());
      assertThat(deduction.get("amount").decimalValue()).isEqualByComparingTo("200");
      assertThat(deduction.get("approvedBy").asText()).isEqualTo("gm");
      assertThat(deduction.get("reason").asText()).contains("200.00");
      assertThat(deduction.get("payrollReference").asText()).isEqualTo("PAY-" + month);
    });
    file.get("disciplinaryActions").forEach(action -> assertThat(action.path("sourceCase")
        .asText()).doesNotContain(complaint));

    // 5. a nomination of her for grade 3 is still eligible
    ClockUtil.reset();
    JsonNode nomination = tasklist.read(tasklist.send("csmanager", "POST", "/api/promotions",
        json.createObjectNode().put("employeeId", AGENT).put("promotionType", "POSITION")
            .put("track", "PERIODIC").put("targetGrade", 3).put("targetPosition", "Team lead")
            .put("evaluation", "Evaluation form.").put("selfReport", "Self-report.")
            .put("supervisorRecommendation", "Recommended.").put("examples", "None.")
            .toString()));
    assertThat(nomination.get("unmetConditions").toString()).doesNotContain("DISCIPLINE");
    assertThat(nomination.get("eligible").asBoolean()).as(nomination.toString()).isTrue();
  }
}
