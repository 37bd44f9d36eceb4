package com.careflow.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import com.careflow.support.AsyncSteps;
import com.careflow.support.BasicAuth;
import com.careflow.support.CareFlowSpringTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A complaint from intake to closed, worked by the demo users of each department through the
 * REST API that Tasklist itself calls, with Camunda's authorizations on: each finds only its
 * own department's tasks, opens the task's Camunda Form, and completes it. The test stands in
 * for the job executor (off in tests) to run the asynchronous steps.
 */
@CareFlowSpringTest
class ComplaintEndToEndTest {

  @LocalServerPort private int port;
  @Autowired private ObjectMapper json;
  @Autowired private ProcessEngine engine;
  @Autowired private JdbcTemplate jdbc;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void aQualityComplaintIsWorkedByEachDepartmentInTurnUntilClosed() throws Exception {
    ObjectNode intake = json.createObjectNode().put("channel", "WRITTEN").put("type", "COMPLAINT")
        .put("subject", "Mould on the lid").put("description", "Mould under the cap.")
        .put("orderNumber", "SO-77").put("claimedAmount", 3000);
    intake.putObject("customer").put("name", "Li Lei").put("phone", "13900000000")
        .put("region", "DOMESTIC");
    HttpResponse<String> registered = send("agent", "POST", "/api/complaints", intake.toString());
    assertThat(registered.statusCode()).isEqualTo(201);
    String number = json.readTree(registered.body()).get("number").asText();

    AsyncSteps.runDue(engine, number); // the written complaint is acknowledged
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM customer_notification "
        + "WHERE case_number = ? AND kind = 'ACKNOWLEDGEMENT'", Long.class, number)).isOne();

    JsonNode triage = myTask("agent", number, "TriageComplaint");
    assertThat(form("agent", triage).get("id").asText()).isEqualTo("triage-complaint");
    complete("agent", triage, Map.of("complaintValid", true, "category", "PRODUCT_QUALITY",
        "specialCase", false, "important", false, "triageNote", "Mould confirmed on photos"));

    assertThat(visibleTasks("agent", number)).as("agents do not see quality's task").isEmpty();
    JsonNode investigation = claim("quality", number, "InvestigateComplaint");
    assertThat(form("quality", investigation).get("id").asText())
        .isEqualTo("investigate-complaint");
    complete("quality", investigation, Map.of("rootCause", "Cap seal failure",
        "responsibleDepartment", "Production", "correctiveAction", "Seal torque check",
        "humanNegligence", false, "improvementTracking", true));

    complete("sales", claim("sales", number, "ProposeRemedy"), Map.of("remedy", "COMPENSATION",
        "compensationAmount", 3000.0, "remedyNote", "We refund the order, 3000 CNY."));

    JsonNode approval = departmentTasks("vp", number, "vice-presidents").get(0);
    assertThat(departmentTasks("salesmanager", number, "sales-managers"))
        .as("3000 CNY is above the sales manager's authority").isEmpty();
    assertThat(send("salesmanager", "POST", "/engine-rest/task/" + approval.get("id").asText()
        + "/claim", "{\"userId\":\"salesmanager\"}").statusCode())
        .as("a manager may watch the task in Cockpit, not take it").isEqualTo(403);
    approval = claim("vp", number, "ApproveRemedy");
    assertThat(form("vp", approval).get("id").asText()).isEqualTo("approve-remedy");
    complete("vp", approval, Map.of("approved", true, "approvalNote", "Agreed"));

    AsyncSteps.runDue(engine, number); // the outcome is told
    complete("agent", myTask("agent", number, "RecordFeedback"), Map.of(
        "customerAccepted", true, "satisfactionAttitude", "VERY_SATISFIED",
        "satisfactionSkill", "SATISFIED", "satisfactionTimeliness", "SATISFIED",
        "satisfactionPromise", "VERY_SATISFIED", "feedbackNote", "Happy with the refund"));
    JsonNode spotCheck = visibleTasks("office", number).isEmpty() ? null
        : claim("office", number, "SpotCheckComplaint");
    if (spotCheck != null) {
      complete("office", spotCheck, Map.of("verified", true, "findings", "As recorded"));
    }
    AsyncSteps.runDue(engine, number); // the case is archived

    JsonNode closed = json.readTree(send("agent", "GET", "/api/complaints/" + number, null).body());
    assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
    assertThat(closed.get("closedAt").isNull()).isFalse();
    assertThat(closed.get("openTasks")).isEmpty();
    assertThat(closed.get("outcome").get("remedy").asText()).isEqualTo("COMPENSATION");
    assertThat(closed.get("outcome").get("customerAccepted").asBoolean()).isTrue();
    assertThat(jdbc.queryForList("SELECT kind FROM customer_notification WHERE case_number = ? "
        + "ORDER BY id", String.class, number)).containsExactly("ACKNOWLEDGEMENT", "OUTCOME");
  }

  @Test
  void anAgentRegistersAContactWithTheStartFormInTasklist() throws Exception {
    JsonNode startForm = json.readTree(send("agent", "GET",
        "/engine-rest/process-definition/key/complaint-handling/deployed-start-form", null).body());
    assertThat(startForm.get("id").asText()).isEqualTo("register-contact");

    ObjectNode variables = json.createObjectNode();
    Map.of("complaintType", "COMPLAINT", "channel", "PHONE", "customerName", "Sun Li",
            "customerPhone", "13600000000", "customerRegion", "DOMESTIC",
            "subject", "Late delivery", "description", "Ten days late.",
            "shippedOn", "2026-11-02")
        .forEach((name, value) -> variables.putObject(name).put("value", value)
            .put("type", "String"));
    variables.putObject("claimedAmount").put("value", 50).put("type", "Long");
    String submit = json.createObjectNode().set("variables", variables).toString();

    HttpResponse<String> started = send("agent", "POST",
        "/engine-rest/process-definition/key/complaint-handling/submit-form", submit);
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    String number = json.readTree(started.body()).get("businessKey").asText();
    assertThat(number).matches("CP-\\d{4}-\\d{4}");

    JsonNode registered = json.readTree(send("agent", "GET", "/api/complaints/" + number, null)
        .body());
    assertThat(registered.get("registeredBy").asText()).isEqualTo("agent");
    assertThat(registered.get("channel").asText()).isEqualTo("PHONE");
    assertThat(registered.get("claimedAmount").asDouble()).isEqualTo(50.0);
    assertThat(myTask("agent", number, "TriageComplaint")).isNotNull();

    assertThat(send("warehouse", "POST",
        "/engine-rest/process-definition/key/complaint-handling/submit-form", submit)
        .statusCode()).as("only customer service registers contacts").isEqualTo(403);

    variables.putObject("customerPhone").put("value", "not a phone").put("type", "String");
    long registers = jdbc.queryForObject("SELECT COUNT(*) FROM complaint", Long.class);
    HttpResponse<String> invalid = send("agent", "POST",
        "/engine-rest/process-definition/key/complaint-handling/submit-form",
        json.createObjectNode().set("variables", variables).toString());
    // A refused contact is the agent's input, not the server's fault: 400 with the message,
    // which Tasklist shows; the case is not started and nothing is registered.
    assertThat(invalid.statusCode()).isEqualTo(400);
    assertThat(invalid.body()).contains("The contact cannot be registered",
        "customer.phone must be a phone number");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM complaint", Long.class))
        .isEqualTo(registers);
  }

  /** A task assigned to the user (first-contact responsibility). */
  private JsonNode myTask(String user, String number, String key) throws Exception {
    JsonNode tasks = json.readTree(send(user, "GET", "/engine-rest/task?processInstanceBusinessKey="
        + number + "&assignee=" + user + "&taskDefinitionKey=" + key, null).body());
    assertThat(tasks).as(user + " has " + key).hasSize(1);
    return tasks.get(0);
  }

  /** The department's task, claimed by the user as Tasklist's "Claim" does. */
  private JsonNode claim(String user, String number, String key) throws Exception {
    JsonNode tasks = visibleTasks(user, number);
    assertThat(tasks).as(user + " sees " + key).hasSize(1);
    JsonNode task = tasks.get(0);
    assertThat(task.get("taskDefinitionKey").asText()).isEqualTo(key);
    HttpResponse<String> claimed = send(user, "POST",
        "/engine-rest/task/" + task.get("id").asText() + "/claim", "{\"userId\":\"" + user + "\"}");
    assertThat(claimed.statusCode()).as(user + " claims " + key).isEqualTo(204);
    return task;
  }

  /** What Tasklist's "My departments' tasks" filter shows the user for this case. */
  private JsonNode departmentTasks(String user, String number, String group) throws Exception {
    return json.readTree(send(user, "GET", "/engine-rest/task?processInstanceBusinessKey="
        + number + "&candidateGroup=" + group + "&unassigned=true", null).body());
  }

  private JsonNode visibleTasks(String user, String number) throws Exception {
    return json.readTree(send(user, "GET",
        "/engine-rest/task?processInstanceBusinessKey=" + number, null).body());
  }

  private JsonNode form(String user, JsonNode task) throws Exception {
    HttpResponse<String> form = send(user, "GET",
        "/engine-rest/task/" + task.get("id").asText() + "/deployed-form", null);
    assertThat(form.statusCode()).isEqualTo(200);
    return json.readTree(form.body());
  }

  private void complete(String user, JsonNode task, Map<String, Object> values) throws Exception {
    ObjectNode variables = json.createObjectNode();
    new LinkedHashMap<>(values).forEach((name, value) -> {
      ObjectNode variable = variables.putObject(name);
      variable.set("value", json.valueToTree(value));
      variable.put("type", value instanceof Boolean ? "Boolean"
          : value instanceof Double ? "Double" : "String");
    });
    HttpResponse<String> completed = send(user, "POST",
        "/engine-rest/task/" + task.get("id").asText() + "/complete",
        json.createObjectNode().set("variables", variables).toString());
    assertThat(completed.statusCode()).as(user + " completes " + task.get("name").asText()
        + ": " + completed.body()).isEqualTo(204);
  }


  private HttpResponse<String> send(String user, String method, String path, String body)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + path))
        .header("Authorization", BasicAuth.header(user, "demo"))
        .header("Content-Type", "application/json");
    request.method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
    return http.send(request.build(), BodyHandlers.ofString());
  }
}
