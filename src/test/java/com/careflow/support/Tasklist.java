package com.careflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngines;

/**
 * Works tasks as the demo users through Camunda's REST API, the calls Tasklist itself makes:
 * find the task, claim it, open its form, complete it with the form's values (typed as
 * Tasklist types them). Every call carries the user's own credentials, so the engine's
 * authorizations and CareFlow's access rules apply.
 */
public final class Tasklist {

  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json;
  private final int port;

  public Tasklist(int port, ObjectMapper json) {
    this.port = port;
    this.json = json;
  }

  /** A phone complaint as the intake API takes it (SPEC §6). */
  public String complaintBody(String subject) {
    ObjectNode intake = json.createObjectNode().put("channel", "PHONE").put("type", "COMPLAINT")
        .put("subject", subject).put("description", "Mould under the cap.");
    intake.putObject("customer").put("name", "Li Lei").put("phone", "13900000000")
        .put("region", "DOMESTIC");
    return intake.toString();
  }

  /** Registers a complaint as the user; its number. */
  public String registerComplaint(String user, String subject) {
    HttpResponse<String> registered = send(user, "POST", "/api/complaints",
        complaintBody(subject));
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    return read(registered).get("number").asText();
  }

  /** Registers a return of 10 units as the user (sales); its number. */
  public String registerReturn(String user, String orderNumber, LocalDate shippedOn) {
    HttpResponse<String> registered = send(user, "POST", "/api/returns", """
        {"customer":{"name":"Qian Li","phone":"13900000001","region":"DOMESTIC"},
         "orderNumber":"%s","shippedOn":"%s","description":"Sediment.",
         "claimedQuantity":10}""".formatted(orderNumber, shippedOn));
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    return read(registered).get("number").asText();
  }

  /** A task assigned to the user (first-contact responsibility). */
  public JsonNode myTask(String user, String businessKey, String key) {
    JsonNode tasks = read(send(user, "GET", "/engine-rest/task?processInstanceBusinessKey="
        + businessKey + "&assignee=" + user + "&taskDefinitionKey=" + key, null));
    assertThat(tasks).as(user + " has " + key).hasSize(1);
    return tasks.get(0);
  }

  /** The case's tasks the user can see. */
  public JsonNode visibleTasks(String user, String businessKey) {
    return read(send(user, "GET",
        "/engine-rest/task?processInstanceBusinessKey=" + businessKey, null));
  }

  /** What Tasklist's "My departments' tasks" filter shows the user for this case. */
  public JsonNode departmentTasks(String user, String businessKey, String group) {
    return read(send(user, "GET", "/engine-rest/task?processInstanceBusinessKey="
        + businessKey + "&candidateGroup=" + group + "&unassigned=true", null));
  }

  /** The department's one visible task of the case, claimed by the user as "Claim" does. */
  public JsonNode claim(String user, String businessKey, String key) {
    JsonNode tasks = visibleTasks(user, businessKey);
    assertThat(tasks).as(user + " sees " + key).hasSize(1);
    JsonNode task = tasks.get(0);
    assertThat(task.get("taskDefinitionKey").asText()).isEqualTo(key);
    HttpResponse<String> claimed = send(user, "POST",
        "/engine-rest/task/" + task.get("id").asText() + "/claim",
        "{\"userId\":\"" + user + "\"}");
    assertThat(claimed.statusCode()).as(user + " claims " + key + ": " + claimed.body())
        .isEqualTo(204);
    return task;
  }

  /** The task's deployed Camunda Form. */
  public JsonNode form(String user, JsonNode task) {
    HttpResponse<String> form = send(user, "GET",
        "/engine-rest/task/" + task.get("id").asText() + "/deployed-form", null);
    assertThat(form.statusCode()).isEqualTo(200);
    return read(form);
  }

  /**
   * Completes the task with the form's values; it must succeed. A gateway that reads the
   * answer asynchronously (so that a value no flow expects is an incident) then runs, as the
   * job executor, off in the Spring tests, would within milliseconds; nothing else does.
   */
  public void complete(String user, JsonNode task, Map<String, Object> values) {
    HttpResponse<String> completed = tryComplete(user, task.get("id").asText(), values);
    assertThat(completed.statusCode()).as(user + " completes " + task.get("name").asText()
        + ": " + completed.body()).isEqualTo(204);
    if (task.hasNonNull("processInstanceId")) {
      AsyncSteps.runGateways(ProcessEngines.getDefaultProcessEngine(),
          task.get("processInstanceId").asText());
    }
  }

  /** Completes the task with these values, as a REST client may, and answers what it got. */
  public HttpResponse<String> tryComplete(String user, String taskId, Map<String, Object> values) {
    return send(user, "POST", "/engine-rest/task/" + taskId + "/complete",
        json.createObjectNode().set("variables", variables(values)).toString());
  }

  /** The values typed as Tasklist types a form's values. */
  public ObjectNode variables(Map<String, Object> values) {
    return typed(json, values);
  }

  /** The values typed as Tasklist types a form's values ({@code {"name": {value, type}}}). */
  public static ObjectNode typed(ObjectMapper json, Map<String, Object> values) {
    ObjectNode variables = json.createObjectNode();
    new LinkedHashMap<>(values).forEach((name, value) -> {
      ObjectNode variable = variables.putObject(name);
      variable.set("value", json.valueToTree(value));
      variable.put("type", value instanceof Boolean ? "Boolean"
          : value instanceof Double ? "Double" : value instanceof Number ? "Long" : "String");
    });
    return variables;
  }

  public HttpResponse<String> send(String user, String method, String path, String body) {
    return send(user, method, path, "application/json", body);
  }

  /** A call with a body of another content type (e.g. a multipart deployment). */
  public HttpResponse<String> send(String user, String method, String path, String contentType,
      String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + path))
        .header("Authorization", BasicAuth.header(user, "demo"))
        .header("Content-Type", contentType);
    request.method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
    try {
      return http.send(request.build(), BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * The vice president reads the investigation report of the case and instructs on it (SPEC
   * §1.5), so that sales may propose the remedy.
   */
  public void vicePresidentInstructs(String businessKey) {
    complete("vp", claim("vp", businessKey, "InstructOnInvestigation"),
        Map.of("vpInstruction", "Proceed as the report says."));
  }

  /**
   * The first-contact agent records that the customer accepts (all four ratings SATISFIED); if
   * the case was drawn for the spot check, the office passes it. The archive step stays due.
   */
  public void customerAccepts(String agent, String complaint, String note) {
    complete(agent, myTask(agent, complaint, "RecordFeedback"), Map.of(
        "customerAccepted", true, "satisfactionAttitude", "SATISFIED",
        "satisfactionSkill", "SATISFIED", "satisfactionTimeliness", "SATISFIED",
        "satisfactionPromise", "SATISFIED", "feedbackNote", note));
    passTheSpotCheckIfDrawn(complaint);
  }

  /** The management office passes the case's spot check, if the case was drawn for one. */
  public void passTheSpotCheckIfDrawn(String complaint) {
    if (!visibleTasks("office", complaint).isEmpty()) {
      complete("office", claim("office", complaint, "SpotCheckComplaint"),
          Map.of("verified", true, "findings", "As recorded"));
    }
  }

  public JsonNode read(HttpResponse<String> response) {
    try {
      return json.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
