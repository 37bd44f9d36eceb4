package com.careflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.careflow.support.AsyncSteps;
import com.careflow.support.BasicAuth;
import com.careflow.support.CareFlowSpringTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A complaint worked end to end through Tasklist's Camunda Forms in headless Chromium, as the
 * demo users of each department; a required field left empty blocks completion; a user of
 * another department does not see the work; Cockpit shows the running case to a manager.
 * Screenshots of each step: {@code target/browser-screenshots/}.
 */
@CareFlowSpringTest
class TasklistBrowserTest {

  @LocalServerPort private int port;
  @Autowired private TaskService tasks;
  @Autowired private ProcessEngine engine;
  @Autowired private JdbcTemplate jdbc;
  @Autowired private ObjectMapper json;

  @BeforeAll
  static void chromium() {
    Browser.requireChromium();
  }

  @Test
  void aComplaintIsWorkedInTasklistFromTriageToClosed() throws Exception {
    String number = register();
    try (Browser warehouse = as("tasklist", "warehouse")) {
      warehouse.screenshot("01-warehouse-sees-no-complaint-work");
      assertThat(warehouse.pageText()).doesNotContain("Triage the complaint");
    }
    try (Browser agent = as("tasklist", "agent")) {
      agent.openTask(task(number, "TriageComplaint").getId());
      assertThat(agent.valueOf("Case number")).isEqualTo(number);
      assertThat(agent.valueOf("Customer")).isEqualTo("Qian Bo");
      agent.screenshot("02-agent-opens-triage");
      agent.tick("The complaint is justified");
      agent.choose("Category", "Not a quality issue (transport, handling, supplier): sales handles it");
      agent.complete();
      agent.waitForText("Field is required");
      agent.screenshot("03-required-reasoning-blocks-completion");
      assertThat(task(number, "TriageComplaint")).as("still open").isNotNull();
      agent.type("Reasoning", "The carrier dropped the carton.");
      agent.complete();
      agent.waitUntil(() -> task(number, "TriageComplaint") == null);
    }
    try (Browser sales = as("tasklist", "sales")) {
      sales.openTask(task(number, "ProposeRemedy").getId());
      sales.claim();
      sales.choose("Remedy", "Compensation");
      sales.type("Amount (CNY)", "3000");
      sales.type("What we offer the customer", "We refund the order, 3000 CNY.");
      sales.screenshot("04-sales-proposes-compensation");
      sales.complete();
      sales.waitUntil(() -> task(number, "ApproveRemedy") != null);
    }
    try (Browser manager = as("cockpit", "csmanager")) {
      manager.open("cockpit/default/#/processes");
      manager.waitForText("Complaint handling");
      manager.screenshot("05-cockpit-shows-running-complaints");
    }
    Task approval = task(number, "ApproveRemedy");
    assertThat(tasks.getIdentityLinksForTask(approval.getId()))
        .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("vice-presidents"));
    try (Browser vp = as("tasklist", "vp")) {
      vp.openTask(approval.getId());
      vp.claim();
      vp.tick("I approve this remedy");
      vp.type("Your note", "Agreed.");
      vp.screenshot("06-vice-president-approves");
      vp.complete();
      vp.waitUntil(() -> task(number, "ApproveRemedy") == null);
    }
    AsyncSteps.runDue(engine, number); // the outcome is told
    try (Browser agent = as("tasklist", "agent")) {
      agent.openTask(task(number, "RecordFeedback").getId());
      agent.tick("The customer accepts the conclusion");
      agent.choose("Satisfaction: attitude", "Very satisfied");
      agent.choose("Satisfaction: skill", "Satisfied");
      agent.choose("Satisfaction: timeliness", "Satisfied");
      agent.choose("Satisfaction: promise kept", "Very satisfied");
      agent.screenshot("07-agent-records-acceptance");
      agent.complete();
      agent.waitUntil(() -> task(number, "RecordFeedback") == null);
    }
    Task spotCheck = task(number, "SpotCheckComplaint");
    if (spotCheck != null) { // one case in ten is drawn for the management office
      tasks.complete(spotCheck.getId(), java.util.Map.of("verified", true, "findings", "OK"));
    }
    AsyncSteps.runDue(engine, number); // the case is archived
    assertThat(jdbc.queryForObject("SELECT status FROM complaint WHERE number = ?",
        String.class, number)).isEqualTo("CLOSED");
  }

  /** A fresh browser, logged in to the web app as the user. */
  private Browser as(String app, String user) {
    Browser browser = new Browser(port);
    browser.logIn(app, user);
    return browser;
  }

  private String register() throws Exception {
    String body = """
        {"channel":"PHONE","type":"COMPLAINT","subject":"Broken carton",
         "description":"The carton arrived crushed.","claimedAmount":3000,
         "customer":{"name":"Qian Bo","phone":"13500000000","region":"DOMESTIC"}}""";
    var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/api/complaints"))
        .header("Content-Type", "application/json")
        .header("Authorization", BasicAuth.header("agent", "demo"))
        .POST(BodyPublishers.ofString(body)).build(), BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(201);
    JsonNode registered = json.readTree(response.body());
    return registered.get("number").asText();
  }

  private Task task(String number, String key) {
    return tasks.createTaskQuery().processInstanceBusinessKey(number).taskDefinitionKey(key)
        .singleResult();
  }

}
