package com.careflow.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.careflow.support.CareFlowSpringTest;
import com.careflow.support.Tasklist;
import com.careflow.support.Worklist;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * SPEC §7.7 at the engine's door: a task's form is checked as it stands with the person's
 * answers (a field its condition hides is not asked; one it shows may be required), and what
 * the form cannot take is a 4xx naming the field, never a 500, with the task still open.
 */
@CareFlowSpringTest
class TaskInputTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @LocalServerPort private int port;
  @Autowired private ObjectMapper json;
  @Autowired private ProcessEngine engine;

  private Tasklist tasklist;

  @BeforeEach
  void connect() {
    tasklist = new Tasklist(port, json);
  }

  @Test
  void aJustifiedComplaintNeedsItsCategoryAndAnUnjustifiedOneItsExplanation() {
    String number = tasklist.registerComplaint("agent", "Conditions");
    String triage = tasklist.myTask("agent", number, "TriageComplaint").get("id").asText();

    HttpResponse<String> noCategory = tasklist.tryComplete("agent", triage, Map.of(
        "complaintValid", true, "severe", false, "specialCase", false, "important", false));
    assertThat(noCategory.statusCode()).as(noCategory.body()).isEqualTo(400);
    assertThat(noCategory.body()).contains("category is required");

    HttpResponse<String> noExplanation = tasklist.tryComplete("agent", triage, Map.of(
        "complaintValid", false, "severe", false, "paymentWithheld", false, "important", false));
    assertThat(noExplanation.statusCode()).isEqualTo(400);
    assertThat(noExplanation.body()).contains("triageNote is required");

    HttpResponse<String> noAmount = tasklist.tryComplete("agent", triage, Map.of(
        "complaintValid", false, "severe", false, "paymentWithheld", true, "important", false,
        "triageNote", "Stored in the sun"));
    assertThat(noAmount.statusCode()).isEqualTo(400);
    assertThat(noAmount.body()).as("what finance recovers").contains("withheldAmount is required");

    HttpResponse<String> hiddenAnswered = tasklist.tryComplete("agent", triage, Map.of(
        "complaintValid", false, "severe", false, "paymentWithheld", false, "important", false,
        "triageNote", "Stored in the sun", "category", "PRODUCT_QUALITY"));
    assertThat(hiddenAnswered.statusCode()).isEqualTo(400);
    assertThat(hiddenAnswered.body()).contains("category is not asked for");
    assertThat(tasklist.visibleTasks("agent", number)).as("still open").hasSize(1);

    tasklist.complete("agent", tasklist.myTask("agent", number, "TriageComplaint"), Map.of(
        "complaintValid", true, "severe", false, "category", "PRODUCT_QUALITY",
        "specialCase", false, "important", false));
  }

  @Test
  void aValueTheFormCannotTakeIs400NamingItAndAnUnknownTaskIs404() {
    String shipped = LocalDate.now(SHANGHAI).minusDays(3).toString();
    String number = tasklist.registerReturn("sales", "SO-I1", LocalDate.parse(shipped));
    String investigation = tasklist.claim("quality", number, "InvestigateReturnClaim")
        .get("id").asText();
    Map<String, Object> findings = new java.util.HashMap<>(Map.of("defectType", "SEDIMENT",
        "claimFactual", true, "storageFault", false, "investigationFindings", "Sediment."));

    for (String date : new String[] {"+10000-01-01", "2026-02-30", "11/05/2026", "20261105"}) {
      findings.put("shippedOn", date);
      HttpResponse<String> answer = tasklist.tryComplete("quality", investigation, findings);
      assertThat(answer.statusCode()).as(date + ": " + answer.body()).isEqualTo(400);
      assertThat(answer.body()).contains("shippedOn");
    }
    findings.put("shippedOn", shipped);
    findings.put("defectType", "RUST");
    assertThat(tasklist.tryComplete("quality", investigation, findings).body())
        .contains("defectType must be one of");
    findings.put("defectType", "SEDIMENT");
    tasklist.complete("quality", tasklist.visibleTasks("quality", number).get(0), findings);

    for (String[] call : new String[][] {
        {"POST", "/engine-rest/task/no-such-task/delegate", "{\"userId\":\"agent2\"}"},
        {"POST", "/engine-rest/task/no-such-task/complete", "{}"},
        {"POST", "/engine-rest/task/no-such-task/claim", "{\"userId\":\"agent\"}"}}) {
      HttpResponse<String> answer = tasklist.send("agent", call[0], call[1], call[2]);
      assertThat(answer.statusCode()).as(call[1] + ": " + answer.body()).isEqualTo(404);
    }
  }

  @Test
  void aSettlementFormDoesNotTakeTheFieldsItHidesForTheChosenHandling() {
    String shipped = LocalDate.now(SHANGHAI).minusDays(3).toString();
    String number = tasklist.registerReturn("sales", "SO-I2", LocalDate.parse(shipped));
    Worklist.completeTheOpenTask(engine, number, Map.of("defectType", "SEDIMENT",
        "claimFactual", true, "storageFault", false, "shippedOn", shipped,
        "investigationFindings", "Sediment."));
    String form = tasklist.claim("sales", number, "PrepareReturnForm").get("id").asText();

    HttpResponse<String> smuggled = tasklist.tryComplete("sales", form, Map.of(
        "handling", "DISCOUNT", "returnReason", "Sediment", "returnBasis", "Report",
        "discountAmount", 100, "approvedQuantity", 5000, "unitPrice", 1000));
    assertThat(smuggled.statusCode()).as(smuggled.body()).isEqualTo(400);
    assertThat(smuggled.body()).contains("approvedQuantity is not asked for",
        "unitPrice is not asked for");
  }
}
