package com.careflow.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.careflow.support.CareFlowSpringTest;
import com.careflow.support.Tasklist;
import com.careflow.support.Worklist;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The side doors an attacker's review of SPEC §7 found in Camunda's REST API beyond completing
 * and writing variables, each shut: ending a task with a BPMN error, reading every case
 * variable back from a completion, changing a task with a plain update, giving a claimed task
 * away, dropping a first-contact task, moving a timer with a retry, and asking the task search
 * yes/no questions about data the task does not show.
 */
@CareFlowSpringTest
class SideDoorsTest {

  @LocalServerPort private int port;
  @Autowired private ObjectMapper json;
  @Autowired private ProcessEngine engine;

  private Tasklist tasklist;

  @BeforeEach
  void connect() {
    tasklist = new Tasklist(port, json);
  }

  /**
   * Access is granted, never taken back: the engine does not look for REVOKE authorizations,
   * so an administrator cannot make one, through the API or Admin, and believe it holds.
   */
  @Test
  void aRevokeAuthorizationIsRefusedAndAGrantIsNot() throws Exception {
    HttpResponse<String> revoke = tasklist.send("demo", "POST", "/engine-rest/authorization/create",
        "{\"type\":2,\"permissions\":[\"READ\"],\"userId\":\"agent\",\"resourceType\":6,"
            + "\"resourceId\":\"complaint-handling\"}");
    assertThat(revoke.statusCode()).as(revoke.body()).isEqualTo(400);
    assertThat(revoke.body()).contains("grants only");
    assertThat(engine.getAuthorizationService().createAuthorizationQuery()
        .authorizationType(org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_REVOKE)
        .count()).isZero();

    HttpResponse<String> grant = tasklist.send("demo", "POST", "/engine-rest/authorization/create",
        "{\"type\":1,\"permissions\":[\"READ\"],\"userId\":\"agent\",\"resourceType\":6,"
            + "\"resourceId\":\"side-door-grant\"}");
    assertThat(grant.statusCode()).as(grant.body()).isEqualTo(200);
    assertThat(tasklist.send("demo", "DELETE", "/engine-rest/authorization/"
        + json.readTree(grant.body()).get("id").asText(), null).statusCode()).isEqualTo(204);
  }

  @Test
  void aTaskIsNotEndedByABpmnErrorOrAnEscalationSentThroughTheApi() {
    String number = tasklist.registerComplaint("agent", "Error door");
    justified(number);
    tasklist.complete("quality", tasklist.claim("quality", number, "InvestigateComplaint"),
        Map.of("rootCause", "Seal", "responsibleDepartment", "quality",
            "correctiveAction", "Check", "humanNegligence", false, "improvementTracking", true));
    tasklist.vicePresidentInstructs(number);
    String remedy = tasklist.claim("sales", number, "ProposeRemedy").get("id").asText();

    HttpResponse<String> error = tasklist.send("sales", "POST", "/engine-rest/task/" + remedy
        + "/bpmnError", "{\"errorCode\":\"x\",\"variables\":{\"approved\":{\"value\":true,"
        + "\"type\":\"Boolean\"},\"compensationAmount\":{\"value\":100000,\"type\":\"Long\"}}}");
    assertThat(error.statusCode()).as(error.body()).isEqualTo(403);
    assertThat(tasklist.send("sales", "POST", "/engine-rest/task/" + remedy + "/bpmnEscalation",
        "{\"escalationCode\":\"x\"}").statusCode()).isEqualTo(403);
    assertThat(engine.getRuntimeService().createVariableInstanceQuery()
        .variableName("compensationAmount").processInstanceIdIn(Worklist.instanceOf(engine, number)).count())
        .isZero();
    assertThat(tasklist.visibleTasks("sales", number)).hasSize(1);
  }

  @Test
  void aCompletionReturnsOnlyTheFormsFieldsNotTheCustomer() {
    String number = Worklist.returnAtTheWarehouse(engine, tasklist, "SO-S1");
    String receipt = Worklist.taskOf(engine, number, "ReceiveReturnedGoods");
    assertThat(tasklist.send("warehouse", "POST", "/engine-rest/task/" + receipt + "/claim",
        "{\"userId\":\"warehouse\"}").statusCode()).isEqualTo(204);
    HttpResponse<String> completed = tasklist.send("warehouse", "POST", "/engine-rest/task/"
        + receipt + "/complete", "{\"variables\":{\"receivedQuantity\":{\"value\":10,\"type\":"
        + "\"Long\"}},\"withVariablesInReturn\":true}");
    assertThat(completed.statusCode()).as(completed.body()).isEqualTo(200);
    JsonNode returned = tasklist.read(completed);
    assertThat(returned.has("receivedQuantity")).isTrue();
    assertThat(returned.has("customerPhone")).as("SPEC §7.3").isFalse();
    assertThat(returned.has("customerName")).isFalse();
  }

  @Test
  void aTaskIsChangedOrGivenAwayOnlyByAManagerAndAFirstContactTaskIsNotDropped() {
    String number = tasklist.registerComplaint("agent", "Give away");
    String triage = tasklist.myTask("agent", number, "TriageComplaint").get("id").asText();
    HttpResponse<String> update = tasklist.send("agent2", "PUT", "/engine-rest/task/" + triage,
        "{\"name\":\"Triage\",\"assignee\":\"agent2\",\"priority\":50}");
    assertThat(update.statusCode()).as("a peer rewrites the task").isEqualTo(403);
    assertThat(tasklist.send("agent", "PUT", "/engine-rest/task/" + triage,
        "{\"name\":\"Triage\",\"assignee\":\"warehouse\",\"priority\":50}").statusCode())
        .as("the owner hands it to anyone").isEqualTo(403);
    assertThat(tasklist.send("agent", "POST", "/engine-rest/task/" + triage + "/claim",
        "{\"userId\":null}").statusCode()).as("the owner drops it").isEqualTo(403);
    assertThat(engine.getTaskService().createTaskQuery().taskId(triage).singleResult()
        .getAssignee()).isEqualTo("agent");

    justified(number);
    String investigation = tasklist.claim("quality", number, "InvestigateComplaint").get("id")
        .asText();
    assertThat(tasklist.send("quality", "POST", "/engine-rest/task/" + investigation
        + "/assignee", "{\"userId\":\"finance\"}").statusCode())
        .as("who claimed it gives it to someone else").isEqualTo(403);
    assertThat(tasklist.send("quality", "POST", "/engine-rest/task/" + investigation
        + "/unclaim", null).statusCode()).as("but hands it back").isEqualTo(204);
  }

  @Test
  void aRetryDoesNotMoveATimer() {
    String number = tasklist.registerComplaint("agent", "Timer door");
    justified(number);
    Job deadline = engine.getManagementService().createJobQuery()
        .processInstanceId(Worklist.instanceOf(engine, number)).activityId("ResolutionDeadlinePassed")
        .singleResult();
    HttpResponse<String> moved = tasklist.send("csmanager", "PUT", "/engine-rest/job/"
        + deadline.getId() + "/retries", "{\"retries\":1,\"dueDate\":\"2999-01-01T00:00:00.000"
        + "+0800\"}");
    assertThat(moved.statusCode()).as(moved.body()).isEqualTo(403);
    assertThat(engine.getManagementService().createJobQuery().jobId(deadline.getId())
        .singleResult().getDuedate()).isEqualTo(deadline.getDuedate());
    engine.getManagementService().setJobRetries(deadline.getId(), 0); // it failed
    assertThat(tasklist.send("csmanager", "PUT", "/engine-rest/job/" + deadline.getId()
        + "/retries", "{\"retries\":2}").statusCode()).as("a plain retry of a failed job")
        .isEqualTo(204);
  }

  @Test
  void tasksAreNotSearchedByCaseDataTheTaskDoesNotShow() {
    Worklist.returnAtTheWarehouse(engine, tasklist, "SO-S1");
    for (String query : new String[] {
        "/engine-rest/task/count?taskDefinitionKey=ReceiveReturnedGoods"
            + "&processVariables=customerPhone_like_139%25",
        "/engine-rest/task?processVariables=customerName_eq_Qian%20Li"}) {
      HttpResponse<String> oracle = tasklist.send("warehouse", "GET", query, null);
      assertThat(oracle.statusCode()).as(query).isEqualTo(403);
    }
    String filter = engine.getFilterService().createFilterQuery().filterName("我的任务")
        .singleResult().getId();
    assertThat(tasklist.send("warehouse", "POST", "/engine-rest/filter/" + filter + "/list",
        "{\"processVariables\":[{\"name\":\"customerPhone\",\"operator\":\"like\","
            + "\"value\":\"139%\"}]}").statusCode()).isEqualTo(403);
    assertThat(tasklist.send("warehouse", "GET",
        "/engine-rest/task/count?taskDefinitionKey=ReceiveReturnedGoods", null).statusCode())
        .as("searching by the task's own fields").isEqualTo(200);
  }

  private void justified(String number) {
    tasklist.complete("agent", tasklist.myTask("agent", number, "TriageComplaint"), Map.of(
        "complaintValid", true, "severe", false, "category", "PRODUCT_QUALITY", "specialCase", false,
        "important", false));
  }
}
