package com.careflow.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import com.careflow.support.ApiClient;
import com.careflow.support.CareFlowSpringTest;
import com.careflow.support.Problems;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** SPEC §6: {@code POST /api/complaints}, {@code GET /api/complaints[/{number}]} over HTTP. */
@CareFlowSpringTest
class ComplaintApiTest {

  @LocalServerPort private int port;
  @Autowired private ObjectMapper json;
  @Autowired private JdbcTemplate jdbc;
  @Autowired private ProcessEngine engine;
  @Autowired private ComplaintIntake intake;
  @Autowired private Flyway flyway;

  private ApiClient api;

  @BeforeEach
  void connect() {
    api = new ApiClient(port);
  }

  @Test
  void anAgentRegistersAComplaintAndOwnsItsTriage() throws Exception {
    HttpResponse<String> response = post("agent", complaint(), null);
    assertThat(response.statusCode()).isEqualTo(201);
    JsonNode body = json.readTree(response.body());
    String number = body.get("number").asText();
    assertThat(number).matches("CP-\\d{4}-\\d{4}");
    assertThat(response.headers().firstValue("Location")).hasValue("/api/complaints/" + number);

    ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(body.get("processInstanceId").asText()).singleResult();
    assertThat(instance.getBusinessKey()).isEqualTo(number);
    assertThat(engine.getRuntimeService().getVariables(instance.getId()))
        .containsEntry("complaintNumber", number).containsEntry("complaintType", "COMPLAINT")
        .containsEntry("channel", "PHONE").containsEntry("customerName", "Wang Xiaoming")
        .containsEntry("firstContactAgent", "agent").containsEntry("claimedAmount", 120.5)
        .containsEntry("shippedOn", "2026-11-01").containsEntry("round", 1)
        .containsEntry("customerEmail", "wang.xm@customer.example");
    Task triage = engine.getTaskService().createTaskQuery()
        .processInstanceId(instance.getId()).singleResult();
    assertThat(triage.getTaskDefinitionKey()).isEqualTo("TriageComplaint");
    assertThat(triage.getAssignee()).isEqualTo("agent");
  }

  @Test
  void theCaseShowsItsStatusOpenTasksDeadlineAndCategory() throws Exception {
    String number = register(complaint());
    JsonNode view = json.readTree(get("agent", "/api/complaints/" + number).body());
    assertThat(view.get("status").asText()).isEqualTo("OPEN");
    assertThat(view.get("overdue").asBoolean()).isFalse();
    assertThat(view.get("customer").get("phone").asText()).isEqualTo("13800000000");
    assertThat(view.get("customer").get("email").asText()).isEqualTo("wang.xm@customer.example");
    assertThat(view.get("openTasks")).singleElement().satisfies(task -> {
      assertThat(task.get("taskDefinitionKey").asText()).isEqualTo("TriageComplaint");
      assertThat(task.get("assignee").asText()).isEqualTo("agent");
      assertThat(task.get("candidateGroups").toString()).contains("cs-agents");
      assertThat(task.get("due").isNull()).isFalse();
    });
    // the round's clock runs from registration, through triage; closing: 15 days, domestic
    assertThat(view.get("deadlines").get("resolution").asText())
        .isEqualTo(view.get("openTasks").get(0).get("due").asText());
    java.time.Instant registeredAt = java.time.Instant.parse(view.get("registeredAt").asText());
    assertThat(java.time.Instant.parse(view.get("deadlines").get("closing").asText()))
        .isEqualTo(registeredAt.plus(java.time.Duration.ofDays(15))
            .truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    assertThat(view.get("closedLate").asBoolean()).isFalse();

    Task triage = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(number)
        .singleResult();
    engine.getTaskService().complete(triage.getId(), java.util.Map.of("complaintValid", true,
        "category", "PRODUCT_QUALITY", "specialCase", false, "triageNote", "Justified"));
    com.careflow.support.AsyncSteps.runGateways(engine, triage.getProcessInstanceId());

    view = json.readTree(get("agent", "/api/complaints/" + number).body());
    assertThat(view.get("category").asText()).isEqualTo("PRODUCT_QUALITY");
    assertThat(view.get("deadlines").get("resolution").isNull()).isFalse();
    assertThat(view.get("openTasks").get(0).get("taskDefinitionKey").asText())
        .isEqualTo("InvestigateComplaint");
    assertThat(view.get("outcome").get("category").asText()).isEqualTo("PRODUCT_QUALITY");
  }

  @Test
  void anUnknownNumberIs404() throws Exception {
    HttpResponse<String> response = get("agent", "/api/complaints/CP-0001-9999");
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(response.body()).contains("No complaint numbered CP-0001-9999");
  }

  @Test
  void numbersAreConsecutiveWithinTheMonth() throws Exception {
    int first = serial(register(complaint()));
    int second = serial(register(complaint()));
    int third = serial(register(complaint()));
    assertThat(List.of(second, third)).containsExactly(first + 1, first + 2);
  }

  /**
   * What H2's file store can leave after a kill -9 (h2database#2080): the register holds a
   * number the month's counter, rolled back, does not. The next start moves the counter past
   * it, and the next intake gets a new number instead of failing on the one taken.
   */
  @Test
  void aCounterLeftBehindItsRegisterMovesPastItAtTheNextStart() throws Exception {
    String taken = register(complaint());
    jdbc.update("UPDATE case_serial SET last_serial = last_serial - 1 "
        + "WHERE series = 'CP' AND period = ?", taken.substring(3, 7));

    flyway.migrate(); // as every start does

    assertThat(serial(register(complaint()))).isEqualTo(serial(taken) + 1);
  }

  @Test
  void concurrentIntakesOnH2GetConsecutiveNumbers() throws Exception {
    ConcurrentIntakes.assertConsecutive(ConcurrentIntakes.registerTogether(intake, 20), 20);
  }

  @Test
  void aRetriedRequestWithTheSameKeyGetsTheFirstResult() throws Exception {
    String key = UUID.randomUUID().toString();
    long before = count();
    HttpResponse<String> first = post("agent", complaint(), key);
    HttpResponse<String> retry = post("agent", complaint(), key);
    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(retry.statusCode()).isEqualTo(201);
    assertThat(retry.body()).isEqualTo(first.body());
    assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
    assertThat(first.headers().firstValue("Idempotent-Replayed")).hasValue("false");
    assertThat(count()).isEqualTo(before + 1);

    ObjectNode different = complaint();
    different.put("subject", "Another matter");
    HttpResponse<String> reused = post("agent", different, key);
    assertThat(reused.statusCode()).isEqualTo(422);
    assertThat(reused.body()).contains("Idempotency-Key was used for a different request");
    assertThat(count()).isEqualTo(before + 1);

    assertThat(post("agent2", complaint(), key).statusCode()).as("keys are per user")
        .isEqualTo(201);
  }

  @Test
  void onlyCustomerServiceRegistersComplaints() throws Exception {
    long before = count();
    HttpResponse<String> warehouse = post("warehouse", complaint(), null);
    assertThat(warehouse.statusCode()).isEqualTo(403);
    assertThat(warehouse.headers().firstValue("Content-Type"))
        .hasValue("application/problem+json");
    assertThat(post("csmanager", complaint(), null).statusCode()).isEqualTo(201);
    assertThat(count()).isEqualTo(before + 1);
  }

  @Test
  void theRegisterFiltersAndPages() throws Exception {
    ObjectNode suggestion = complaint();
    suggestion.put("type", "SUGGESTION");
    String number = register(suggestion);
    JsonNode page = json.readTree(get("agent",
        "/api/complaints?type=SUGGESTION&status=OPEN&from=" + LocalDate.now().minusDays(1)
            + "&size=1").body());
    assertThat(page.get("size").asInt()).isEqualTo(1);
    assertThat(page.get("total").asLong()).isPositive();
    assertThat(page.get("totalExact").asBoolean()).as("a few cases are counted exactly").isTrue();
    assertThat(page.get("items")).singleElement().satisfies(item -> {
      assertThat(item.get("type").asText()).isEqualTo("SUGGESTION");
      assertThat(item.get("status").asText()).isEqualTo("OPEN");
    });
    assertThat(json.readTree(get("agent", "/api/complaints?type=SUGGESTION&size=100").body())
        .get("items").findValuesAsText("number")).contains(number);
    assertThat(json.readTree(get("agent", "/api/complaints?status=CLOSED&type=SUGGESTION")
        .body()).get("items").findValuesAsText("number")).doesNotContain(number);
    assertThat(json.readTree(get("agent", "/api/complaints?overdue=true").body())
        .get("items").findValuesAsText("number")).doesNotContain(number);
    assertThat(json.readTree(get("agent", "/api/complaints?to=2020-01-01").body())
        .get("total").asLong()).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badListQueries")
  void aBadRegisterQueryNamesTheParameter(String query, String field) throws Exception {
    HttpResponse<String> response = get("agent", "/api/complaints?" + query);
    assertThat(Problems.badFields(response)).containsExactly(field);
  }

  static Stream<Arguments> badListQueries() {
    return Stream.of(Arguments.of("size=0", "size"), Arguments.of("size=101", "size"),
        Arguments.of("page=-1", "page"), Arguments.of("status=LOST", "status"),
        Arguments.of("type=QUESTION", "type"), Arguments.of("from=yesterday", "from"),
        Arguments.of("category=FOOD", "category"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badComplaints")
  void badInputIs400NamingEachFieldAndNothingIsStoredOrStarted(String what,
      Consumer<ObjectNode> spoil, List<String> fields) throws Exception {
    ObjectNode request = complaint();
    spoil.accept(request);
    assertRejected(post("agent", request.toString(), null), fields);
  }

  static Stream<Arguments> badComplaints() {
    return Stream.of(
        bad("no channel", r -> r.remove("channel"), "channel"),
        bad("unknown channel", r -> r.put("channel", "PIGEON"), "channel"),
        bad("no type", r -> r.remove("type"), "type"),
        bad("unknown type", r -> r.put("type", "PRAISE"), "type"),
        bad("no customer", r -> r.remove("customer"), "customer"),
        bad("blank customer name", r -> customer(r).put("name", " "), "customer.name"),
        bad("no phone", r -> customer(r).remove("phone"), "customer.phone"),
        bad("phone with letters", r -> customer(r).put("phone", "call me"), "customer.phone"),
        bad("no region", r -> customer(r).remove("region"), "customer.region"),
        bad("e-mail without a domain", r -> customer(r).put("email", "wang@"), "customer.email"),
        bad("e-mail with a line break", r -> customer(r).put("email", "a@b.cn\r\nBcc: x@y.cn"),
            "customer.email"),
        bad("unknown region", r -> customer(r).put("region", "MARS"), "customer.region"),
        bad("blank subject", r -> r.put("subject", ""), "subject"),
        bad("subject over 200 characters", r -> r.put("subject", "x".repeat(201)), "subject"),
        bad("no description", r -> r.remove("description"), "description"),
        bad("shipment date not a date", r -> r.put("shippedOn", "last week"), "shippedOn"),
        bad("shipment in the future", r -> r.put("shippedOn",
            LocalDate.now().plusDays(30).toString()), "shippedOn"),
        bad("negative amount", r -> r.put("claimedAmount", -1), "claimedAmount"),
        bad("amount with fractions of a fen", r -> r.put("claimedAmount", 10.001),
            "claimedAmount"),
        bad("a suggestion settled on the spot", r -> r.put("type", "SUGGESTION")
            .put("resolvedOnFirstContact", true), "resolvedOnFirstContact"),
        // SPEC §1.3, the goods as the customer reports them
        bad("negative quantity", r -> r.put("quantity", -1), "quantity"),
        bad("quantity not a whole number", r -> r.put("quantity", 2.5), "quantity"),
        bad("quantity as text", r -> r.put("quantity", "forty"), "quantity"),
        bad("more defective than in all", r -> r.put("quantity", 10)
            .put("defectiveQuantity", 11), "defectiveQuantity"),
        bad("negative defective quantity", r -> r.put("defectiveQuantity", -3),
            "defectiveQuantity"),
        bad("a defective quantity said to be unknown", r -> r.put("quantityUnknown", true)
            .put("defectiveQuantity", 4), "defectiveQuantity"),
        bad("unknown demand", r -> r.put("customerDemand", "REFUND"), "customerDemand"),
        bad("sample received as text", r -> r.put("sampleReceived", "yes"), "sampleReceived"),
        bad("several bad fields at once", r -> {
          r.remove("channel");
          r.put("subject", "");
          customer(r).put("phone", "?");
        }, "channel", "subject", "customer.phone"));
  }

  /**
   * SPEC §1.3 (客户抱怨处理表: 数量、不良数量, 客户要求, 异常样品): the register and the case view hold the
   * quantity and the defective quantity, or that it is not yet known, the customer's demand and
   * whether a sample was received; a case that does not say reads as unknown.
   */
  @Test
  void theGoodsAsTheCustomerReportedThemAreRegisteredAndShown() throws Exception {
    String number = register(complaint().put("quantity", 40).put("defectiveQuantity", 12)
        .put("customerDemand", "EXCHANGE").put("sampleReceived", true));
    JsonNode view = json.readTree(get("agent", "/api/complaints/" + number).body());
    assertThat(view.get("quantity").asInt()).isEqualTo(40);
    assertThat(view.get("defectiveQuantity").asInt()).isEqualTo(12);
    assertThat(view.get("quantityUnknown").asBoolean()).isFalse();
    assertThat(view.get("customerDemand").asText()).isEqualTo("EXCHANGE");
    assertThat(view.get("sampleReceived").asBoolean()).isTrue();
    assertThat(engine.getRuntimeService().getVariable(view.get("processInstanceId").asText(),
        "customerDemand")).isEqualTo("EXCHANGE");

    String processing = register(complaint().put("quantity", 40).put("quantityUnknown", true));
    JsonNode pending = json.readTree(get("agent", "/api/complaints/" + processing).body());
    assertThat(pending.get("quantityUnknown").asBoolean()).as("客户加工中未确定").isTrue();
    assertThat(pending.get("defectiveQuantity").isNull()).isTrue();
    assertThat(pending.get("customerDemand").isNull()).isTrue();
  }

  /**
   * SPEC §1.8 (003 篇十一): a customer who complains again about the same order within 30 days
   * (policy: RegisterContact's secondComplaintDays) has made a second complaint (二次投诉); one
   * about another order, or after the 30 days, has not.
   */
  @Test
  void aComplaintAboutAnOrderComplainedAboutWithin30DaysIsASecondComplaint() throws Exception {
    String order = "SO-" + System.nanoTime();
    String first = register(complaint().put("orderNumber", order));
    String again = register(complaint().put("orderNumber", order));
    String other = register(complaint().put("orderNumber", order + "-B"));
    assertThat(json.readTree(get("agent", "/api/complaints/" + first).body())
        .get("secondComplaint").asBoolean()).isFalse();
    assertThat(json.readTree(get("agent", "/api/complaints/" + again).body())
        .get("secondComplaint").asBoolean()).isTrue();
    assertThat(jdbc.queryForObject("SELECT earlier_complaint FROM complaint WHERE number = ?",
        String.class, again)).isEqualTo(first);
    assertThat(json.readTree(get("agent", "/api/complaints/" + other).body())
        .get("secondComplaint").asBoolean()).isFalse();

    jdbc.update("UPDATE complaint SET registered_at = registered_at - INTERVAL '31' DAY "
        + "WHERE order_number = ?", order);
    String late = register(complaint().put("orderNumber", order));
    assertThat(json.readTree(get("agent", "/api/complaints/" + late).body())
        .get("secondComplaint").asBoolean()).as("31 days after").isFalse();
  }

  @Test
  void aBodyThatIsNotJsonIs400AndStoresNothing() throws Exception {
    assertRejected(post("agent", "{\"channel\": ", null), List.of("body"));
    assertRejected(post("agent", "", null), List.of("body"));
  }

  @Test
  void aBodyThatIsNotJsonContentIs415() throws Exception {
    HttpResponse<String> response = api.send(api.request("agent", "/api/complaints")
        .header("Content-Type", "text/plain").POST(BodyPublishers.ofString(complaint()
            .toString())));
    assertThat(response.statusCode()).isEqualTo(415);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
  }

  @Test
  void theCustomerIsReadByServiceSalesAndManagementAndByQualityOnceItHandlesTheCase()
      throws Exception {
    String number = register(complaint());
    for (String reader : List.of("agent", "csmanager", "sales", "office", "vp", "gmoffice")) {
      JsonNode customer = json.readTree(api.get(reader, "/api/complaints/" + number).body())
          .get("customer");
      assertThat(customer.get("phone").asText()).as(reader).isEqualTo("13800000000");
    }
    for (String outsider : List.of("warehouse", "finance", "hr", "trainer", "quality")) {
      JsonNode view = json.readTree(api.get(outsider, "/api/complaints/" + number).body());
      assertThat(view.get("customer").get("name").isNull()).as(outsider + " (SPEC §7.3)").isTrue();
      assertThat(view.get("customer").get("phone").isNull()).isTrue();
      assertThat(view.get("customer").get("email").isNull()).isTrue();
      assertThat(view.get("customer").get("region").asText()).isEqualTo("DOMESTIC");
      assertThat(view.get("number").asText()).isEqualTo(number);
      JsonNode line = json.readTree(api.get(outsider, "/api/complaints?size=100").body())
          .get("items");
      assertThat(line).filteredOn(item -> item.get("number").asText().equals(number))
          .singleElement().satisfies(item -> assertThat(item.get("customerName").isNull())
              .isTrue());
    }

    Task triage = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(number)
        .singleResult();
    engine.getTaskService().complete(triage.getId(), Map.of("complaintValid", true,
        "category", "PRODUCT_QUALITY", "specialCase", false, "important", false,
        "triageNote", "Sour"));
    com.careflow.support.AsyncSteps.runGateways(engine, triage.getProcessInstanceId());
    assertThat(json.readTree(api.get("quality", "/api/complaints/" + number).body())
        .get("customer").get("phone").asText()).as("quality now investigates it")
        .isEqualTo("13800000000");
  }

  private void assertRejected(HttpResponse<String> response, List<String> fields)
      throws Exception {
    assertThat(Problems.badFields(response)).containsExactlyInAnyOrderElementsOf(fields);
  }

  // Every bad-input check also proves nothing was stored or started:
  private List<Long> storedBefore;

  @BeforeEach
  void rememberWhatIsStored() {
    storedBefore = stored();
  }

  @AfterEach
  void checkNothingLeakedFromRejectedRequests(TestInfo test) {
    if (test.getTestMethod().map(m -> m.getName().contains("Is400")
        || m.getName().startsWith("aBodyThatIsNot")).orElse(false)) {
      assertThat(stored()).as("complaints and cases after a rejected request")
          .isEqualTo(storedBefore);
    }
  }

  private long count() {
    return stored().get(0);
  }

  /** Register rows and started cases: a rejected request adds to neither. */
  private List<Long> stored() {
    return List.of(jdbc.queryForObject("SELECT COUNT(*) FROM complaint", Long.class),
        engine.getHistoryService().createHistoricProcessInstanceQuery()
            .processDefinitionKey("complaint-handling").count());
  }

  private static Arguments bad(String what, Consumer<ObjectNode> spoil, String... fields) {
    return Arguments.of(what, spoil, List.of(fields));
  }

  private static ObjectNode customer(ObjectNode request) {
    return (ObjectNode) request.get("customer");
  }

  private ObjectNode complaint() {
    ObjectNode request = json.createObjectNode();
    request.put("channel", "PHONE").put("type", "COMPLAINT")
        .put("subject", "Sour taste").put("description", "The soy sauce tastes sour.")
        .put("orderNumber", "SO-1001").put("productBatch", "B-2026-11")
        .put("shippedOn", "2026-11-01").put("claimedAmount", 120.50);
    request.putObject("customer").put("name", "Wang Xiaoming").put("phone", "13800000000")
        .put("email", "wang.xm@customer.example").put("address", "Shanghai")
        .put("region", "DOMESTIC");
    return request;
  }

  private String register(ObjectNode request) throws Exception {
    HttpResponse<String> response = post("agent", request, null);
    assertThat(response.statusCode()).isEqualTo(201);
    return json.readTree(response.body()).get("number").asText();
  }

  private static int serial(String number) {
    return Integer.parseInt(number.substring(number.lastIndexOf('-') + 1));
  }

  private HttpResponse<String> post(String user, ObjectNode body, String key) throws Exception {
    return post(user, body.toString(), key);
  }

  private HttpResponse<String> post(String user, String body, String key) throws Exception {
    HttpRequest.Builder request = api.request(user, "/api/complaints");
    if (key != null) {
      request.header("Idempotency-Key", key);
    }
    return api.postJson(request, body);
  }

  private HttpResponse<String> get(String user, String path) throws Exception {
    return api.get(user, path);
  }
}
