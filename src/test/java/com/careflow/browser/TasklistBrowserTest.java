package com.careflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.careflow.browser.Browser.Chrome;
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
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A complaint worked end to end through Tasklist's Camunda Forms in headless Chromium, as the
 * demo users of each department, once in a Chinese browser and once in an English one; a
 * required field left empty blocks completion; a user of another department does not see the
 * work; Cockpit shows the running case to a manager.
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

  /**
   * The walk-through in a Chinese browser and in an English one: the web apps' chrome follows
   * the browser, the forms are in the company's language (Chinese) with labels, never codes,
   * and dates are YYYY-MM-DD either way.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("languages")
  void aComplaintIsWorkedInTasklistFromTriageToClosed(String name, Chrome chrome)
      throws Exception {
    String shot = chrome.language().substring(0, 2) + "-";
    String number = register();
    try (Browser warehouse = as("tasklist", "warehouse", chrome)) {
      warehouse.waitForText(chrome.startProcess());
      warehouse.screenshot(shot + "01-warehouse-sees-no-complaint-work");
      assertThat(warehouse.pageText()).doesNotContain("投诉初审");
    }
    try (Browser agent = as("tasklist", "agent", chrome)) {
      agent.openTask(task(number, "TriageComplaint").getId());
      assertThat(agent.valueOf("案件编号")).isEqualTo(number);
      assertThat(agent.valueOf("客户")).isEqualTo("Qian Bo");
      assertThat(agent.pageText()).contains("投诉初审", "受理渠道", chrome.complete())
          .doesNotContain("PHONE");
      assertThat(agent.script("return new Intl.DateTimeFormat().format(new Date(2026, 10, 5))"))
          .as("dates in forms").isEqualTo("2026-11-05");
      agent.screenshot(shot + "02-agent-opens-triage");
      agent.tick("投诉理由成立");
      agent.complete();
      agent.waitForText(chrome == Chrome.CHINESE ? "此项必填" : "Field is required");
      agent.screenshot(shot + "03-required-category-blocks-completion");
      assertThat(task(number, "TriageComplaint")).as("still open").isNotNull();
      agent.choose("投诉分类", "非质量问题（运输、搬运、供应商）：由销售部处理");
      agent.complete();
      agent.waitUntil(() -> task(number, "TriageComplaint") == null);
    }
    AsyncSteps.runDue(engine, number); // the triage's answer is read (an asynchronous gateway)
    try (Browser sales = as("tasklist", "sales", chrome)) {
      sales.openTask(task(number, "ProposeRemedy").getId());
      sales.claim();
      sales.choose("处理方案", "赔款（不退货）");
      // every upheld complaint names its owner, chosen, never typed (SPEC §1.4)
      sales.choose("责任归属", "本公司部门");
      sales.choose("责任部门", "仓储部");
      sales.type("折扣或赔款金额（元）", "3000");
      sales.type("向客户提出的处理方案及理由", "退还订单货款 3000 元。");
      sales.screenshot(shot + "04-sales-proposes-compensation");
      sales.complete();
      sales.waitUntil(() -> task(number, "ProposeRemedy") == null);
      AsyncSteps.runDue(engine, number); // the remedy's gateway runs as a job
      sales.waitUntil(() -> task(number, "ApproveRemedy") != null);
    }
    try (Browser manager = as("cockpit", "csmanager", chrome)) {
      manager.open("cockpit/default/#/processes");
      manager.waitForText("客户投诉处理");
      manager.screenshot(shot + "05-cockpit-shows-running-complaints");
    }
    Task approval = task(number, "ApproveRemedy");
    assertThat(tasks.getIdentityLinksForTask(approval.getId()))
        .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("vice-presidents"));
    try (Browser vp = as("tasklist", "vp", chrome)) {
      vp.openTask(approval.getId());
      vp.claim();
      assertThat(vp.pageText()).as("labels, not codes").contains("非质量问题", "赔款（不退货）", "电话")
          .doesNotContain("NON_QUALITY", "COMPENSATION", "PHONE");
      vp.tick("我批准此处理方案");
      vp.screenshot(shot + "06-vice-president-approves");
      vp.complete();
      vp.waitUntil(() -> task(number, "ApproveRemedy") == null);
    }
    AsyncSteps.runDue(engine, number); // the outcome is told
    try (Browser agent = as("tasklist", "agent", chrome)) {
      agent.openTask(task(number, "RecordFeedback").getId());
      agent.tick("客户接受处理结论");
      agent.choose("满意度：服务态度", "非常满意");
      agent.choose("满意度：专业技能", "满意");
      agent.choose("满意度：及时性", "满意");
      agent.choose("满意度：承诺事项办理", "非常满意");
      agent.screenshot(shot + "07-agent-records-acceptance");
      agent.complete();
      agent.waitUntil(() -> task(number, "RecordFeedback") == null);
    }
    AsyncSteps.runDue(engine, number); // the customer's answer is read, the sample drawn
    Task spotCheck = task(number, "SpotCheckComplaint");
    if (spotCheck != null) { // one case in ten is drawn for the management office
      tasks.complete(spotCheck.getId(), java.util.Map.of("verified", true, "findings", "OK"));
    }
    AsyncSteps.runDue(engine, number); // the case is archived
    assertThat(jdbc.queryForObject("SELECT status FROM complaint WHERE number = ?",
        String.class, number)).isEqualTo("CLOSED");
    try (Browser gm = new Browser(port, chrome)) {
      gm.openAs("gm", "reports/complaints/monthly");
      String month = java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
      gm.waitForText(month);
      assertThat(gm.pageText()).contains(chrome == Chrome.CHINESE
              ? List.of(month + " 结案的投诉", "非质量问题", "时间为 Asia/Shanghai 时区")
              : List.of("Complaints closed in " + month, "Not a quality issue"))
          .doesNotContain("NON_QUALITY", "VERY_SATISFIED");
      gm.screenshot(shot + "08-general-manager-reads-the-monthly-report");
    }
  }

  /**
   * SPEC §1.2, §1.6, in a Chinese browser: an agent records a complaint settled on the spot
   * from Tasklist's start form (offered for complaints, not only consultations), and sales
   * choose 换货 (an exchange) on "Propose a remedy", which the form did not offer.
   */
  @Test
  void anAgentRecordsASpotSettlementAndSalesChooseAnExchangeInChinese() throws Exception {
    try (Browser agent = as("tasklist", "agent", Chrome.CHINESE)) {
      agent.openStartForm("客户投诉处理");
      agent.choose("受理类型", "投诉");
      agent.choose("受理渠道", "当面（口头）");
      agent.tick("已当场解决");
      agent.type("客户名称", "Zhou Fang");
      agent.type("电话", "13600000003");
      agent.choose("地区", "国内");
      agent.type("主题", "Dented can");
      agent.type("客户陈述", "Swapped at the counter.");
      agent.screenshot("zh-08-agent-records-a-complaint-settled-on-the-spot");
      agent.start();
      agent.waitUntil(() -> tasks.createTaskQuery().taskDefinitionKey("RecordSpotSettlement")
          .taskAssignee("agent").processVariableValueEquals("customerPhone", "13600000003")
          .count() == 1);
    }
    String number = register();
    tasks.complete(task(number, "TriageComplaint").getId(), java.util.Map.of(
        "complaintValid", true, "category", "NON_QUALITY", "specialCase", false,
        "severe", false, "important", false, "triageNote", "Wrong flavour."));
    AsyncSteps.runDue(engine, number);
    try (Browser sales = as("tasklist", "sales", Chrome.CHINESE)) {
      sales.openTask(task(number, "ProposeRemedy").getId());
      sales.claim();
      sales.choose("处理方案", "换货（货品退回，发出替换货品）");
      sales.choose("责任归属", "本公司部门");
      sales.choose("责任部门", "仓储部");
      sales.type("向客户提出的处理方案及理由", "退回错发的口味，发出正确的货品。");
      sales.screenshot("zh-09-sales-choose-an-exchange");
      sales.complete();
      sales.waitUntil(() -> task(number, "ProposeRemedy") == null);
    }
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(com.careflow.support.Worklist.instanceOf(engine, number))
        .variableName("remedy").singleResult().getValue()).isEqualTo("EXCHANGE");
  }

  static Stream<Arguments> languages() {
    return Stream.of(Arguments.of("a Chinese browser", Chrome.CHINESE),
        Arguments.of("an English browser", Chrome.ENGLISH));
  }

  /** A fresh browser in the person's language, logged in to the web app as the user. */
  private Browser as(String app, String user, Chrome chrome) {
    Browser browser = new Browser(port, chrome);
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
