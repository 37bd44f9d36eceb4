package com.careflow.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.careflow.notify.NoticeRelay.Status;
import com.careflow.overdue.OverdueWork;
import com.careflow.support.AsyncSteps;
import com.careflow.support.CareFlowSpringTest;
import com.careflow.support.Mailbox;
import com.careflow.support.Tasklist;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Notices reach people (issue 19), through a real SMTP server (GreenMail on the port the test
 * configuration gives {@code spring.mail.port}): customers read their case's notices by e-mail,
 * in Chinese; a mail server that is down leads to retries, a visible failure and a resend; staff
 * who asked are told of new tasks, and managers of overdue ones. The test runs the relay itself
 * and moves the engine's clock for the back-off.
 */
@CareFlowSpringTest
class NoticeDeliveryTest {

  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP);

  private static final String CUSTOMER = "li.lei@customer.example";
  private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
      .withZone(ZoneId.systemDefault());

  @LocalServerPort private int port;
  @Autowired private ObjectMapper json;
  @Autowired private ProcessEngine engine;
  @Autowired private NoticeRelay relay;
  @Autowired private OverdueWork overdue;
  @Autowired private StaffNotices staff;
  @Autowired private JdbcTemplate jdbc;
  @Autowired private NotifyProperties properties;
  @Autowired private List<Courier> couriers;
  @Autowired private Outbox outbox;
  @Autowired private NoticeTemplates templates;

  private Tasklist tasklist;

  @BeforeEach
  void start() throws Exception {
    tasklist = new Tasklist(port, json);
    Mailbox.deliverAll(relay); // what earlier tests queued is not this test's business
    SMTP.purgeEmailFromAllMailboxes();
  }

  @AfterEach
  void reset() {
    ClockUtil.reset();
    for (String user : List.of("agent", "agent2", "quality", "csmanager")) {
      staff.setTaskEmail(user, false);
    }
  }

  @Test
  void theCustomerReadsTheAcknowledgementAndTheAnswerByEmailInChinese() throws Exception {
    String number = registerWrittenComplaint("Mould on the lid");
    AsyncSteps.runDue(engine, number);
    Mailbox.deliverAll(relay);

    MimeMessage acknowledgement = single(CUSTOMER);
    assertThat(Mailbox.subject(acknowledgement)).isEqualTo("关于您的案件 " + number + " 的通知");
    assertThat(Mailbox.text(acknowledgement)).startsWith("尊敬的Li Lei：您反映的“Mould on the lid”"
        + "已登记，投诉编号 " + number + "。我们将于 ").endsWith(" 前处理完毕，处理结果将及时告知您。")
        .containsPattern("我们将于 \\d{4}-\\d{2}-\\d{2} 前处理完毕");
    // a written complaint is reported at once to the customer-service managers (SPEC §1.2)
    MimeMessage report = single("csmanager@demo.careflow.invalid");
    assertThat(Mailbox.subject(report)).isEqualTo("书面投诉：Mould on the lid（" + number + "）");
    assertThat(Mailbox.text(report)).contains("/api/complaints/" + number, "agent");
    assertThat(acknowledgement.getMessageID()).matches("<[0-9a-f-]{36}@localhost>");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM customer_notification WHERE case_number "
        + "= ? AND kind = 'ACKNOWLEDGEMENT' AND sent_at IS NOT NULL", Integer.class, number))
        .as("the register says when the customer was told").isOne();
    assertThat(jdbc.queryForList("SELECT recipient || ' ' || status || ' ' || sent_via "
        + "FROM notice_delivery WHERE case_number = ? AND channel = 'SMS'", String.class, number))
        .as("the demo's SMS has no gateway: recorded, and marked so")
        .containsExactly("13900000000 SENT log");

    SMTP.purgeEmailFromAllMailboxes();
    tasklist.complete("agent", tasklist.myTask("agent", number, "TriageComplaint"), Map.of(
        "complaintValid", false, "severe", false, "paymentWithheld", false, "important", false,
        "triageNote", "The bottle was stored in direct sunlight, which the label warns against."));
    com.careflow.support.Worklist.ruleOnTheComplaint(engine, number, false,
        "The bottle was stored in direct sunlight, which the label warns against.");
    AsyncSteps.runDue(engine, number);
    Mailbox.deliverAll(relay);
    MimeMessage answer = single(CUSTOMER);
    assertThat(Mailbox.subject(answer)).contains(number);
    assertThat(Mailbox.text(answer)).contains("direct sunlight").contains("尊敬的Li Lei");
  }

  @Test
  void aMailServerThatIsDownMeansRetriesThenAVisibleFailureThenAResend() throws Exception {
    SMTP.stop();
    String number = registerWrittenComplaint("Server down");
    AsyncSteps.runDue(engine, number);
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    ClockUtil.setCurrentTime(Date.from(now));

    relay.deliverDue();
    NoticeRelay.Delivery first = email(number);
    assertThat(first.status()).isEqualTo(Status.PENDING);
    assertThat(first.attempts()).isOne();
    assertThat(first.lastError()).isNotBlank();
    assertThat(first.nextAttemptAt()).as("tried again after a minute")
        .isEqualTo(now.plus(Duration.ofMinutes(1)));
    relay.deliverDue();
    assertThat(email(number).attempts()).as("not before its time").isOne();

    for (int step = 0; step < 20 && email(number).status() != Status.FAILED; step++) {
      now = now.plus(Duration.ofHours(1));
      ClockUtil.setCurrentTime(Date.from(now));
      relay.deliverDue();
    }
    NoticeRelay.Delivery failed = email(number);
    assertThat(failed.status()).isEqualTo(Status.FAILED);
    int maxAttempts = properties.relay().maxAttempts();
    assertThat(failed.attempts()).as("careflow.notify.relay.max-attempts").isEqualTo(maxAttempts);
    now = now.plus(Duration.ofDays(1));
    ClockUtil.setCurrentTime(Date.from(now));
    relay.deliverDue();
    assertThat(email(number).attempts()).as("a failed notice waits for a person")
        .isEqualTo(maxAttempts);

    JsonNode listed = tasklist.read(tasklist.send("csmanager", "GET",
        "/api/notices?status=FAILED&case=" + number, null));
    // the customer's acknowledgement, and the managers' report of the written complaint
    assertThat(listed).extracting(notice -> notice.get("kind").asText() + " "
        + notice.get("recipient").asText()).containsExactlyInAnyOrder(
            "ACKNOWLEDGEMENT " + CUSTOMER, "WRITTEN_COMPLAINT csmanager@demo.careflow.invalid");
    HttpResponse<String> page = tasklist.send("csmanager", "GET", "/reports/notices", null);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("未能送达的通知").contains(number).contains(CUSTOMER)
        .contains("重新发送").as("labels, not codes").contains("受理确认", "书面投诉呈报", "电子邮件")
        .doesNotContain(">ACKNOWLEDGEMENT<", ">WRITTEN_COMPLAINT<", ">EMAIL<");
    assertThat(tasklist.send("agent", "GET", "/api/notices", null).statusCode())
        .as("agents do not watch the delivery").isEqualTo(403);

    SMTP.start();
    HttpResponse<String> resent = tasklist.send("csmanager", "POST",
        "/api/notices/" + failed.id() + "/resend", null);
    assertThat(resent.statusCode()).as(resent.body()).isEqualTo(202);
    assertThat(tasklist.read(resent).get("status").asText()).isEqualTo("PENDING");
    relay.deliverDue();
    assertThat(email(number).status()).isEqualTo(Status.SENT);
    assertThat(Mailbox.text(single(CUSTOMER))).contains(number);
    assertThat(tasklist.send("csmanager", "POST", "/api/notices/" + failed.id() + "/resend", null)
        .statusCode()).as("a sent notice is not sent again").isEqualTo(409);
    assertThat(tasklist.send("csmanager", "POST", "/api/notices/99999999/resend", null)
        .statusCode()).isEqualTo(404);
  }

  @Test
  void staffWhoAskedAreToldOfNewTasksAndOthersAreNot() throws Exception {
    HttpResponse<String> chosen = tasklist.send("quality", "PUT", "/api/me/notifications",
        "{\"taskEmail\": true}");
    assertThat(chosen.statusCode()).as(chosen.body()).isEqualTo(200);
    assertThat(tasklist.read(chosen).get("email").asText()).isEqualTo("quality@demo.careflow.invalid");
    assertThat(tasklist.read(tasklist.send("agent2", "GET", "/api/me/notifications", null))
        .get("taskEmail").asBoolean()).as("off unless asked for").isFalse();
    assertThat(tasklist.send("agent", "PUT", "/api/me/notifications", "{\"taskEmail\": \"yes\"}")
        .statusCode()).isEqualTo(400);
    tasklist.send("agent", "PUT", "/api/me/notifications", "{\"taskEmail\": true}");

    String number = tasklist.registerComplaint("agent", "Cap cracked");
    tasklist.complete("agent", tasklist.myTask("agent", number, "TriageComplaint"), Map.of(
        "complaintValid", true, "severe", false, "category", "PRODUCT_QUALITY", "specialCase", false,
        "important", false));
    Mailbox.deliverAll(relay);
    assertThat(Mailbox.to(SMTP.getReceivedMessages(), "agent@demo.careflow.invalid"))
        .as("the agent made her own triage task: nothing to tell her").isEmpty();

    Task investigation = engine.getTaskService().createTaskQuery()
        .processInstanceBusinessKey(number).taskDefinitionKey("InvestigateComplaint").singleResult();
    MimeMessage mail = single("quality@demo.careflow.invalid");
    assertThat(Mailbox.subject(mail)).isEqualTo("新任务：" + investigation.getName() + "（"
        + number + "）");
    assertThat(Mailbox.text(mail)).contains("您有一项新任务：" + investigation.getName())
        .contains("案件编号：" + number)
        .contains("截止时间：" + DUE.format(investigation.getDueDate().toInstant()))
        .contains("http://localhost:8080/camunda/app/tasklist/default/#/?task="
            + investigation.getId());

    String second = tasklist.registerComplaint("agent", "Cap cracked again");
    String triage = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(second)
        .singleResult().getId();
    assertThat(tasklist.send("csmanager", "POST", "/engine-rest/task/" + triage + "/assignee",
        "{\"userId\": \"agent2\"}").statusCode()).isEqualTo(204);
    assertThat(tasklist.send("csmanager", "POST", "/engine-rest/task/" + triage + "/assignee",
        "{\"userId\": \"agent\"}").statusCode()).isEqualTo(204);
    Mailbox.deliverAll(relay);
    assertThat(Mailbox.to(SMTP.getReceivedMessages(), "agent2@demo.careflow.invalid"))
        .as("agent2 did not ask for mail").isEmpty();
    assertThat(Mailbox.to(SMTP.getReceivedMessages(), "agent@demo.careflow.invalid"))
        .as("the manager gave the agent the task").singleElement()
        .satisfies(given -> assertThat(Mailbox.text(given)).contains(second).contains(triage));
  }

  @Test
  void everyManagerOfTheDepartmentIsToldOfOverdueWork() throws Exception {
    String number = tasklist.registerComplaint("agent", "Nobody triaged me");
    Task triage = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(number)
        .singleResult();
    overdue.escalate(triage.getDueDate().toInstant().plus(Duration.ofMinutes(1)));
    Mailbox.deliverAll(relay);

    List<MimeMessage> told = Mailbox.to(SMTP.getReceivedMessages(),
        "csmanager@demo.careflow.invalid").stream()
        .filter(mail -> Mailbox.subject(mail).contains(number)).toList();
    assertThat(told).as("whether or not the manager asked for task mail").hasSize(1);
    assertThat(Mailbox.subject(told.get(0))).isEqualTo("逾期任务：" + triage.getName() + "（"
        + number + "）");
    assertThat(Mailbox.text(told.get(0))).contains("逾期")
        .contains(DUE.format(triage.getDueDate().toInstant())).contains(triage.getId());
  }

  @Test
  void twoRelaysDeliverEachMessageOnce() throws Exception {
    List<String> addresses = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String address = "race" + i + "@customer.example";
      addresses.add(address);
      outbox.add(new Outbox.Message(null, "CP-0000-9999", "TEST", "complaint-outcome",
          Outbox.Channel.EMAIL, address, "Race", "Once only"));
    }
    NoticeRelay otherNode = new NoticeRelay(jdbc, properties, couriers);
    ExecutorService nodes = Executors.newFixedThreadPool(2);
    try {
      List<Future<Integer>> sent = nodes.invokeAll(List.<Callable<Integer>>of(
          () -> drain(relay), () -> drain(otherNode)));
      assertThat(sent.get(0).get() + sent.get(1).get()).isEqualTo(40);
    } finally {
      nodes.shutdown();
    }
    for (String address : addresses) {
      assertThat(Mailbox.to(SMTP.getReceivedMessages(), address)).as(address).hasSize(1);
    }
  }

  @Test
  void aCustomerNothingCanReachIsShownAsNotToldAtOnce() throws Exception {
    NotifyProperties production = new NotifyProperties(properties.baseUrl(), properties.relay(),
        properties.email(), new NotifyProperties.Sms(false, null, null, null, null, Map.of()),
        properties.staff());
    new OutboxCustomerNotifier(jdbc, outbox, templates, production).send(new CustomerNotice(
        "CP-2611-9901", "OUTCOME", "complaint-outcome", "Wang Wu", "13700000000", null,
        "尊敬的Wang Wu：……"));

    JsonNode listed = tasklist.read(tasklist.send("salesmanager", "GET",
        "/api/notices?status=FAILED&case=CP-2611-9901", null));
    assertThat(listed).singleElement().satisfies(notice -> {
      assertThat(notice.get("channel").asText()).isEqualTo("NONE");
      assertThat(notice.get("lastError").asText()).contains("no e-mail address")
          .contains("SMS is off");
    });
    HttpResponse<String> resend = tasklist.send("salesmanager", "POST",
        "/api/notices/" + listed.get(0).get("id").asText() + "/resend", null);
    assertThat(resend.statusCode()).isEqualTo(409);
    assertThat(resend.body()).contains("tell the customer another way");
    assertThat(tasklist.send("demo", "GET", "/api/notices", null).statusCode())
        .as("administrators do not read customers' addresses (SPEC §7.3)").isEqualTo(403);
  }

  private static int drain(NoticeRelay relay) {
    int sent = 0;
    for (int round = 0; round < 20; round++) {
      sent += relay.deliverDue();
    }
    return sent;
  }

  private String registerWrittenComplaint(String subject) {
    ObjectNode intake = json.createObjectNode().put("channel", "WRITTEN").put("type", "COMPLAINT")
        .put("subject", subject).put("description", "Mould under the cap.");
    intake.putObject("customer").put("name", "Li Lei").put("phone", "13900000000")
        .put("email", CUSTOMER).put("region", "DOMESTIC");
    HttpResponse<String> registered = tasklist.send("agent", "POST", "/api/complaints",
        intake.toString());
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    return tasklist.read(registered).get("number").asText();
  }

  private MimeMessage single(String address) {
    List<MimeMessage> mails = Mailbox.to(SMTP.getReceivedMessages(), address);
    assertThat(mails).as("mails to " + address).hasSize(1);
    return mails.get(0);
  }

  /** The case's e-mail to the customer (the only one: the acknowledgement). */
  private NoticeRelay.Delivery email(String number) {
    long id = jdbc.queryForObject("SELECT id FROM notice_delivery WHERE case_number = ? "
        + "AND channel = 'EMAIL' AND kind = 'ACKNOWLEDGEMENT'", Long.class, number);
    return relay.find(id).orElseThrow();
  }
}
