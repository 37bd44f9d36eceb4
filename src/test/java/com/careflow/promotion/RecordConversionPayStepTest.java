package com.careflow.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import com.careflow.employee.EmployeeRecords;
import com.careflow.support.ApiClient;
import com.careflow.support.AsyncSteps;
import com.careflow.support.CareFlowSpringTest;
import com.careflow.support.Tasklist;
import com.careflow.support.Worklist;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * SPEC §3.4, §8.5: a probation confirmed with the conversion pay step (试用期转正晋级), proposed
 * by the supervisor and approved by HR in Tasklist, is a PAY_LEVEL promotion in the promotions
 * register, exempt from the 6-month rule, effective from the confirmation, and the employee's
 * next pay level; at the grade's top pay level it is recorded as ineligible and changes nothing.
 */
@CareFlowSpringTest
class RecordConversionPayStepTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @LocalServerPort private int port;
  @Autowired private ObjectMapper json;
  @Autowired private ProcessEngine engine;
  @Autowired private EmployeeRecords records;

  private Tasklist tasklist;
  private ApiClient api;

  @BeforeEach
  void connect() {
    tasklist = new Tasklist(port, json);
    api = new ApiClient(port);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void theConversionStepIsAPayLevelPromotionFromTheConfirmationDay() throws Exception {
    String id = confirmedWithTheStep(1);
    JsonNode employee = json.readTree(api.get("hr", "/api/employees/" + id).body());
    LocalDate confirmedOn = LocalDate.parse(employee.get("regularSince").asText());
    assertThat(employee.get("status").asText()).isEqualTo("REGULAR");
    assertThat(employee.get("payLevel").asInt()).isEqualTo(2);
    assertThat(employee.get("grade").asInt()).isOne();
    assertThat(employee.get("gradeSince").asText()).isEqualTo(confirmedOn.toString());

    JsonNode promotion = json.readTree(api.get("hr", "/api/promotions?employee=" + id).body())
        .get("items").get(0);
    assertThat(promotion.get("promotionType").asText()).isEqualTo("PAY_LEVEL");
    assertThat(promotion.get("track").asText()).isEqualTo("CONVERSION");
    assertThat(promotion.get("status").asText()).isEqualTo("EFFECTIVE");
    assertThat(promotion.get("currentPayLevel").asInt()).isOne();
    assertThat(promotion.get("targetPayLevel").asInt()).isEqualTo(2);
    assertThat(promotion.get("nominatedBy").asText()).isEqualTo("csmanager");
    assertThat(promotion.get("facts").get("monthsInGrade").asInt())
        .as("exempt from the 6-month rule").isZero();
    assertThat(promotion.get("unmetConditions")).isEmpty();
    assertThat(promotion.get("material").get("evaluation").asText())
        .isEqualTo("Meets the standard for a step.");
    JsonNode decision = promotion.get("decision");
    assertThat(decision.get("decidedBy").asText()).isEqualTo("hr");
    assertThat(decision.get("effectiveDate").asText()).isEqualTo(confirmedOn.toString());
    assertThat(promotion.get("id").asText()).matches("PR-\\d{4}-\\d{4}");
  }

  @Test
  void atTheTopPayLevelTheStepIsRecordedIneligibleAndThePayLevelStays() throws Exception {
    String id = confirmedWithTheStep(5);
    assertThat(records.find(id).orElseThrow().payLevel()).isEqualTo(5);
    JsonNode promotion = json.readTree(api.get("hr", "/api/promotions?employee=" + id).body())
        .get("items").get(0);
    assertThat(promotion.get("status").asText()).isEqualTo("INELIGIBLE");
    assertThat(promotion.get("unmetConditions").toString()).isEqualTo("[\"TOP_PAY_LEVEL\"]");
  }

  @Test
  void theConversionTrackIsNotNominated() throws Exception {
    HttpResponse<String> nominated = api.postJson(api.request("csmanager", "/api/promotions"),
        """
        {"employeeId":"EM-0000-0001","promotionType":"PAY_LEVEL","track":"CONVERSION",
         "evaluation":"e","selfReport":"s","supervisorRecommendation":"r"}""");
    assertThat(nominated.statusCode()).isEqualTo(400);
    assertThat(nominated.body()).contains("track", "granted at the confirmation of probation");
  }

  /**
   * A hire at {@code payLevel} of grade 1 worked through training, and through the probation
   * review in Tasklist: the supervisor recommends CONFIRM with the step, HR approves.
   */
  private String confirmedWithTheStep(int payLevel) throws Exception {
    ObjectNode hire = json.createObjectNode().put("name", "Gao Ming")
        .put("userId", "c" + UUID.randomUUID().toString().replace("-", "").substring(0, 12))
        .put("department", "customer-service").put("position", "Agent")
        .put("payLevel", payLevel).put("startDate", LocalDate.now(SHANGHAI).toString())
        .put("mentor", "agent");
    HttpResponse<String> hired = api.postJson(api.request("hr", "/api/employees"),
        hire.toString());
    assertThat(hired.statusCode()).as(hired.body()).isEqualTo(201);
    String id = json.readTree(hired.body()).get("id").asText();
    for (int module = 0; module < 3; module++) {
      Worklist.completeTheOpenTask(engine, id, Map.of("moduleScore", 90L));
    }
    AsyncSteps.runDue(engine, id);
    Date reviewOpens = Date.from(LocalDate.now(SHANGHAI).plusMonths(3).atTime(9, 1)
        .atZone(SHANGHAI).toInstant());
    ClockUtil.setCurrentTime(reviewOpens);
    Job timer = engine.getManagementService().createJobQuery()
        .processInstanceId(Worklist.instanceOf(engine, id)).timers().singleResult();
    engine.getManagementService().executeJob(timer.getId());
    Worklist.completeTheOpenTask(engine, id, Map.of("selfAssessment", "300 calls."));

    JsonNode evaluation = tasklist.claim("csmanager", id, "EvaluateProbation");
    HttpResponse<String> withoutTheBox = tasklist.tryComplete("csmanager",
        evaluation.get("id").asText(), Map.of("recommendation", "CONFIRM",
            "supervisorNote", "Meets the standard for a step."));
    assertThat(withoutTheBox.statusCode()).as("the form asks it on a confirmation")
        .isEqualTo(400);
    assertThat(withoutTheBox.body()).contains("conversionPayStep is required");
    HttpResponse<String> onAnExtension = tasklist.tryComplete("csmanager",
        evaluation.get("id").asText(), Map.of("recommendation", "EXTEND", "extensionMonths", 1L,
            "supervisorNote", "More practice.", "conversionPayStep", true));
    assertThat(onAnExtension.body()).contains("conversionPayStep is not asked for");
    tasklist.complete("csmanager", evaluation, Map.of("recommendation", "CONFIRM",
        "supervisorNote", "Meets the standard for a step.", "conversionPayStep", true));
    JsonNode approval = tasklist.claim("hr", id, "ApproveProbationOutcome");
    tasklist.complete("hr", approval, Map.of("approved", true, "hrNote", "Approved."));
    AsyncSteps.runDue(engine, id);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(id).count()).as("onboarding ended").isZero();
    assertThat(records.history(id).disciplinaryActions()).isEmpty();
    return id;
  }
}
