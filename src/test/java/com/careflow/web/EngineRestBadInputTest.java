package com.careflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.careflow.support.CareFlowSpringTest;
import com.careflow.support.Tasklist;
import com.careflow.support.Worklist;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * SPEC §7.7 at Camunda's REST API, the door Tasklist and integrations use: a request that is not
 * what it should be gets a 4xx that says so, never a 5xx, and changes nothing. Each body below
 * goes to a task's completion, its form submission and a process start; a completion with a
 * duplicated key, which Camunda would take with its last value, is refused too.
 */
@CareFlowSpringTest
class EngineRestBadInputTest {

  private static final String VALID = "{\"complaintValid\":{\"value\":true,\"type\":\"Boolean\"},"
      + "\"severe\":{\"value\":false,\"type\":\"Boolean\"},"
      + "\"category\":{\"value\":\"PRODUCT_QUALITY\",\"type\":\"String\"},"
      + "\"specialCase\":{\"value\":false,\"type\":\"Boolean\"},"
      + "\"important\":{\"value\":false,\"type\":\"Boolean\"}}";

  @LocalServerPort private int port;
  @Autowired private ObjectMapper json;
  @Autowired private ProcessEngine engine;

  private Tasklist tasklist;

  @BeforeEach
  void connect() {
    tasklist = new Tasklist(port, json);
  }

  /** Bodies that are bad as a whole or in a variable's type, and what each one is. */
  private static Map<String, String> badBodies() {
    Map<String, String> bodies = new LinkedHashMap<>();
    bodies.put("null", "null");
    bodies.put("nested 1100 deep", "{\"variables\":" + "[".repeat(1100) + "]".repeat(1100) + "}");
    bodies.put("a duplicate key", "{\"variables\":" + VALID + ",\"variables\":" + VALID + "}");
    bodies.put("an Object variable (JSON)", variable("{\"value\":\"{\\\"a\\\":1}\",\"type\":"
        + "\"Object\",\"valueInfo\":{\"objectTypeName\":\"java.util.HashMap\","
        + "\"serializationDataFormat\":\"application/json\"}}"));
    bodies.put("an Object variable of an unknown class", variable("{\"value\":\"{}\",\"type\":"
        + "\"Object\",\"valueInfo\":{\"objectTypeName\":\"com.example.Nothing\","
        + "\"serializationDataFormat\":\"application/json\"}}"));
    bodies.put("an Object variable (Java serialization)", variable("{\"value\":\"rO0ABXQ=\","
        + "\"type\":\"Object\",\"valueInfo\":{\"objectTypeName\":\"java.lang.String\","
        + "\"serializationDataFormat\":\"application/x-java-serialized-object\"}}"));
    bodies.put("a Json variable", variable("{\"value\":\"{\\\"a\\\":1}\",\"type\":\"Json\"}"));
    bodies.put("a Json variable that is not JSON", variable("{\"value\":\"{a\",\"type\":"
        + "\"Json\"}"));
    bodies.put("an Xml variable", variable("{\"value\":\"<a/>\",\"type\":\"Xml\"}"));
    bodies.put("an Xml variable that is not XML", variable("{\"value\":\"<a\",\"type\":"
        + "\"Xml\"}"));
    bodies.put("a body that is one Xml variable", "{\"value\":\"<a/>\",\"type\":\"Xml\"}");
    return bodies;
  }

  private static String variable(String typed) {
    return "{\"variables\":{\"triageNote\":" + typed + "}}";
  }

  @Test
  void badBodiesAt4xxAndNothingChanges() {
    String number = tasklist.registerComplaint("agent", "Bad engine input");
    String triage = Worklist.taskOf(engine, number, "TriageComplaint");
    long instances = engine.getHistoryService().createHistoricProcessInstanceQuery().count();
    List<String> doors = List.of("/engine-rest/task/" + triage + "/complete",
        "/engine-rest/task/" + triage + "/submit-form",
        "/engine-rest/process-definition/key/complaint-handling/start",
        "/engine-rest/process-definition/key/complaint-handling/submit-form");
    StringBuilder failures = new StringBuilder();
    for (String door : doors) {
      badBodies().forEach((what, body) -> {
        HttpResponse<String> answer = tasklist.send("agent", "POST", door, body);
        if (answer.statusCode() < 400 || answer.statusCode() >= 500) {
          failures.append(door).append(" with ").append(what).append(": ")
              .append(answer.statusCode()).append(' ').append(answer.body()).append('\n');
        } else if (answer.body().contains("\tat ") || answer.body().contains("at org.camunda.")) {
          failures.append(door).append(" with ").append(what).append(": a trace: ")
              .append(answer.body()).append('\n');
        }
      });
    }
    assertThat(failures).as("answers that were not a 4xx problem").isEmpty();
    assertThat(engine.getTaskService().createTaskQuery().taskId(triage).count())
        .as("the triage is still open").isOne();
    assertThat(engine.getRuntimeService().getVariable(Worklist.instanceOf(engine, number),
        "complaintValid")).as("nothing written").isNull();
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().count())
        .as("nothing started").isEqualTo(instances);
  }

  /**
   * Bodies Camunda reads without checking: retries that are missing, negative or of no job, a
   * profile that names no user. Each is a 4xx for the caller, administrator or not.
   */
  @Test
  void retriesAndProfilesThatAreNotWhatTheySayAre4xx() {
    String number = tasklist.registerComplaint("agent", "Odd retries");
    String deadline = engine.getManagementService().createJobQuery()
        .processInstanceId(Worklist.instanceOf(engine, number))
        .activityId("TriageDeadlinePassed").singleResult().getId();
    engine.getManagementService().setJobRetries(deadline, 0);
    for (String user : List.of("demo", "csmanager")) {
      for (String body : List.of("{}", "{\"retries\":-1}", "{\"retries\":\"1\"}",
          "{\"retries\":1.5}")) {
        HttpResponse<String> answer = tasklist.send(user, "PUT", "/engine-rest/job/" + deadline
            + "/retries", body);
        assertThat(answer.statusCode()).as(user + " " + body + ": " + answer.body())
            .isEqualTo(400);
      }
      HttpResponse<String> none = tasklist.send(user, "PUT", "/engine-rest/job/no-such-job"
          + "/retries", "{\"retries\":1}");
      assertThat(none.statusCode()).as(user + ": " + none.body()).isIn(403, 404);
    }
    assertThat(engine.getManagementService().createJobQuery().jobId(deadline).singleResult()
        .getRetries()).as("still failed, as it was").isZero();
    HttpResponse<String> nameless = tasklist.send("agent", "PUT", "/engine-rest/user/agent/profile",
        "{\"firstName\":\"Nobody\"}");
    assertThat(nameless.statusCode()).as(nameless.body()).isEqualTo(400);
    assertThat(tasklist.send("demo", "PUT", "/engine-rest/job/no-such-job/retries",
        "{\"retries\":1}").statusCode()).as("no such job, for the administrator").isEqualTo(404);
  }

  @Test
  void triggeringAMessageSubscriptionThatDoesNotExistIs404ForEveryone() {
    String number = tasklist.registerComplaint("agent", "No such message");
    String execution = Worklist.instanceOf(engine, number);
    for (String user : List.of("demo", "agent", "csmanager")) {
      HttpResponse<String> answer = tasklist.send(user, "POST", "/engine-rest/execution/"
          + execution + "/messageSubscriptions/noSuchMessage/trigger", "{}");
      assertThat(answer.statusCode()).as(user + ": " + answer.body())
          .isEqualTo(user.equals("demo") ? 404 : 403);
    }
  }
}
