package com.careflow.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.careflow.support.AsyncSteps;
import com.careflow.support.CareFlowSpringTest;
import com.careflow.support.Tasklist;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * SPEC §7.1 and §7.5, tried as the attackers of the security review did: an approved amount and
 * a promotion decision cannot be rewritten through Camunda's REST API, by a Cockpit group or by
 * the holder of a later task, and the register keeps the decided value. Every call is made with
 * the user's own credentials.
 */
@CareFlowSpringTest
class TamperTest {

  private static final List<String> COCKPIT_GROUPS = List.of("csmanager", "salesmanager",
      "hrmanager", "vp", "gm", "gmoffice");

  @LocalServerPort private int port;
  @Autowired private ObjectMapper json;
  @Autowired private ProcessEngine engine;
  @Autowired private JdbcTemplate jdbc;

  private Tasklist tasklist;

  @BeforeEach
  void connect() {
    tasklist = new Tasklist(port, json);
  }

  @Test
  void anApprovedCompensationCannotBeRewrittenByAnyoneAndTheRegisterKeepsIt() {
    String number = complaintApprovedAt3000();
    String instance = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(number).singleResult().getId();

    for (String manager : COCKPIT_GROUPS) {
      HttpResponse<String> rewrite = tasklist.send(manager, "PUT", "/engine-rest/process-instance/"
          + instance + "/variables/compensationAmount", "{\"value\":77777.0,\"type\":\"Double\"}");
      assertThat(rewrite.statusCode()).as(manager + " rewrites the amount: " + rewrite.body())
          .isEqualTo(403);
      assertThat(tasklist.send(manager, "POST", "/engine-rest/process-instance/" + instance
          + "/variables", "{\"modifications\":{\"approved\":{\"value\":true,\"type\":\"Boolean\"}}}")
          .statusCode()).as(manager + " modifies variables").isEqualTo(403);
      assertThat(tasklist.send(manager, "POST", "/engine-rest/process-instance/" + instance
          + "/modification", "{\"instructions\":[{\"type\":\"startBeforeActivity\","
          + "\"activityId\":\"RecordFeedback\"}]}").statusCode())
          .as(manager + " moves the case past its steps").isEqualTo(403);
    }

    JsonNode feedback = tasklist.myTask("agent", number, "RecordFeedback");
    String task = feedback.get("id").asText();
    ObjectNode rewrite = json.createObjectNode();
    rewrite.putObject("modifications").putObject("compensationAmount").put("value", 99999.0)
        .put("type", "Double");
    HttpResponse<String> byTheHolder = tasklist.send("agent", "POST",
        "/engine-rest/task/" + task + "/variables", rewrite.toString());
    assertThat(byTheHolder.statusCode()).as(byTheHolder.body()).isEqualTo(403);

    Map<String, Object> answers = Map.of("customerAccepted", true,
        "satisfactionAttitude", "SATISFIED", "satisfactionSkill", "SATISFIED",
        "satisfactionTimeliness", "SATISFIED", "satisfactionPromise", "SATISFIED");
    Map<String, Object> smuggled = new java.util.HashMap<>(answers);
    smuggled.put("compensationAmount", 99999.0);
    HttpResponse<String> completed = tasklist.tryComplete("agent", task, smuggled);
    assertThat(completed.statusCode()).isEqualTo(403);
    assertThat(completed.body()).contains("compensationAmount");
    HttpResponse<String> submitted = tasklist.send("agent", "POST", "/engine-rest/task/" + task
        + "/submit-form", json.createObjectNode().set("variables", tasklist.variables(smuggled))
        .toString());
    assertThat(submitted.statusCode()).isEqualTo(403);
    assertThat(tasklist.visibleTasks("agent", number)).as("the task is still open").hasSize(1);

    Map<String, Object> shownAsItWas = new java.util.HashMap<>(answers);
    shownAsItWas.put("remedy", "COMPENSATION"); // a shown field sent back as it was
    shownAsItWas.put("category", "PRODUCT_QUALITY");
    tasklist.complete("agent", feedback, shownAsItWas);
    finishAsyncSteps(number);

    JsonNode closed = tasklist.read(tasklist.send("agent", "GET", "/api/complaints/" + number,
        null));
    assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
    assertThat(closed.get("outcome").get("compensationAmount").decimalValue())
        .isEqualByComparingTo("3000");
    assertThat(jdbc.queryForObject("SELECT compensation_amount FROM complaint WHERE number = ?",
        java.math.BigDecimal.class, number)).isEqualByComparingTo("3000");
  }

  @Test
  void aTaskAssignedToItsOwnerIsNotTakenOverByAPeerButAManagerReassignsIt() {
    String number = intake();
    JsonNode triage = tasklist.myTask("agent", number, "TriageComplaint");
    String task = triage.get("id").asText();
    Map<String, Object> answers = Map.of("complaintValid", false, "severe", false, "paymentWithheld", false, "triageNote",
        "Stored in the sun", "important", false);

    assertThat(tasklist.tryComplete("agent2", task, answers).statusCode()).isEqualTo(403);
    assertThat(tasklist.send("agent2", "POST", "/engine-rest/task/" + task + "/unclaim", null)
        .statusCode()).as("a peer hands it back").isEqualTo(403);
    assertThat(tasklist.send("agent2", "POST", "/engine-rest/task/" + task + "/assignee",
        "{\"userId\":\"agent2\"}").statusCode()).as("a peer takes it").isEqualTo(403);
    assertThat(tasklist.send("agent", "POST", "/engine-rest/task/" + task + "/assignee",
        "{\"userId\":\"agent2\"}").statusCode()).as("the owner gives it away").isEqualTo(403);

    assertThat(tasklist.send("csmanager", "POST", "/engine-rest/task/" + task + "/assignee",
        "{\"userId\":\"agent2\"}").statusCode()).as("the manager reassigns it").isEqualTo(204);
    assertThat(tasklist.tryComplete("agent", task, answers).statusCode())
        .as("no longer the owner's").isEqualTo(403);
    tasklist.complete("agent2", triage, answers);
  }

  @Test
  void aDepartmentTaskClaimedByMistakeIsHandedBackByWhoeverClaimedIt() {
    String number = intake();
    tasklist.complete("agent", tasklist.myTask("agent", number, "TriageComplaint"), Map.of(
        "complaintValid", true, "severe", false, "category", "PRODUCT_QUALITY", "specialCase", false,
        "important", false));
    String task = tasklist.claim("quality", number, "InvestigateComplaint").get("id").asText();
    assertThat(tasklist.send("quality", "POST", "/engine-rest/task/" + task + "/unclaim", null)
        .statusCode()).isEqualTo(204);
    assertThat(tasklist.departmentTasks("quality", number, "quality")).hasSize(1);
    assertThat(tasklist.send("quality", "POST", "/engine-rest/task/" + task + "/assignee",
        "{\"userId\":\"rnd\"}").statusCode()).as("but not given to someone else")
        .isEqualTo(403);
  }

  @Test
  void aPromotionDecisionCannotBeWidenedByAManager() {
    HttpResponse<String> nominated = tasklist.send("csmanager", "POST", "/api/promotions",
        "{\"employeeId\":\"EM-0000-0001\",\"promotionType\":\"POSITION\",\"track\":\"PERIODIC\","
            + "\"targetGrade\":3,\"targetPosition\":\"Team lead\",\"evaluation\":\"Good\","
            + "\"selfReport\":\"Self\",\"supervisorRecommendation\":\"Yes\"}");
    assertThat(nominated.statusCode()).as(nominated.body()).isEqualTo(201);
    String id = tasklist.read(nominated).get("id").asText();
    String instance = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(id).singleResult().getId();

    for (String manager : COCKPIT_GROUPS) {
      HttpResponse<String> widened = tasklist.send(manager, "PUT", "/engine-rest/process-instance/"
          + instance + "/variables/promotionsInDecision",
          "{\"value\":\"[\\\"" + id + "\\\",\\\"PR-0000-0001\\\"]\",\"type\":\"Json\"}");
      assertThat(widened.statusCode()).as(manager + ": " + widened.body()).isEqualTo(403);
    }

    JsonNode assessment = tasklist.claim("hr", id, "AssessNominee");
    HttpResponse<String> smuggled = tasklist.tryComplete("hr", assessment.get("id").asText(),
        Map.of("assessment", "Fine", "targetGrade", 6));
    assertThat(smuggled.statusCode()).isEqualTo(403);
    assertThat(smuggled.body()).contains("targetGrade");
    tasklist.complete("hr", assessment, Map.of("assessment", "Fine"));
    assertThat(engine.getRuntimeService().getVariable(instance, "targetGrade")).isEqualTo(3);
  }

  private String complaintApprovedAt3000() {
    String number = intake();
    tasklist.complete("agent", tasklist.myTask("agent", number, "TriageComplaint"), Map.of(
        "complaintValid", true, "severe", false, "category", "PRODUCT_QUALITY", "specialCase", false,
        "important", false));
    tasklist.complete("quality", tasklist.claim("quality", number, "InvestigateComplaint"),
        Map.of("rootCause", "Seal", "responsibleDepartment", "quality",
            "correctiveAction", "Check", "humanNegligence", false, "improvementTracking", true));
    tasklist.vicePresidentInstructs(number);
    tasklist.complete("sales", tasklist.claim("sales", number, "ProposeRemedy"), Map.of(
        "remedy", "COMPENSATION", "compensationAmount", 3000.0, "remedyNote", "Refund"));
    AsyncSteps.runDue(engine, number); // the remedy's gateway
    tasklist.complete("vp", tasklist.claim("vp", number, "ApproveRemedy"), Map.of(
        "approved", true));
    AsyncSteps.runDue(engine, number);
    return number;
  }

  private String intake() {
    return tasklist.registerComplaint("agent", "Mould");
  }

  private void finishAsyncSteps(String number) {
    tasklist.passTheSpotCheckIfDrawn(number);
    AsyncSteps.runDue(engine, number);
  }
}
