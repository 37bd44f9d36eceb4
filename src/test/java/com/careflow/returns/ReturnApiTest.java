package com.careflow.returns;

import static org.assertj.core.api.Assertions.assertThat;

import com.careflow.support.ApiClient;
import com.careflow.support.AsyncSteps;
import com.careflow.support.CareFlowSpringTest;
import com.careflow.support.Problems;
import com.careflow.support.Worklist;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
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

/** SPEC §2: {@code POST /api/returns}, {@code GET /api/returns[/{number}]} over HTTP. */
@CareFlowSpringTest
class ReturnApiTest {

  @LocalServerPort private int port;
  @Autowired private ObjectMapper json;
  @Autowired private JdbcTemplate jdbc;
  @Autowired private ProcessEngine engine;

  private ApiClient api;

  @BeforeEach
  void connect() {
    api = new ApiClient(port);
  }

  @Test
  void salesStartsAReturnThatQualityInvestigates() throws Exception {
    HttpResponse<String> response = post("sales", returnRequest());
    assertThat(response.statusCode()).isEqualTo(201);
    JsonNode body = json.readTree(response.body());
    String number = body.get("number").asText();
    assertThat(number).matches("RT-\\d{4}-\\d{4}");
    assertThat(response.headers().firstValue("Location")).hasValue("/api/returns/" + number);
    String instance = body.get("processInstanceId").asText();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(instance).singleResult().getBusinessKey()).isEqualTo(number);
    assertThat(engine.getRuntimeService().getVariables(instance))
        .containsEntry("returnNumber", number).containsEntry("requestedBy", "sales")
        .containsEntry("claimedQuantity", 120).containsEntry("overAcceptanceRatio", 0.08)
        .containsEntry("shippedOn", "2026-11-05").containsEntry("claimedOn", "2026-11-20");

    JsonNode view = json.readTree(get("quality", "/api/returns/" + number).body());
    assertThat(view.get("status").asText()).isEqualTo("OPEN");
    assertThat(view.get("customer").get("name").asText()).isEqualTo("Qian Li");
    assertThat(view.get("claimedQuantity").asInt()).isEqualTo(120);
    assertThat(view.get("complaintNumber").isNull()).isTrue();
    assertThat(view.get("complaintStatus").isNull()).isTrue();
    assertThat(view.get("openTasks")).singleElement().satisfies(task -> {
      assertThat(task.get("taskDefinitionKey").asText()).isEqualTo("InvestigateReturnClaim");
      assertThat(task.get("candidateGroups").toString()).contains("quality");
    });
  }

  @Test
  void theRegisterFollowsTheReturnToItsBooking() throws Exception {
    String number = start(returnRequest());
    work(number, Map.of("defectType", "SEDIMENT", "claimFactual", true, "storageFault", false,
        "shippedOn", "2026-11-05", "investigationFindings", "Sediment in every bottle."));
    JsonNode decided = json.readTree(get("sales", "/api/returns/" + number).body());
    assertThat(decided.get("eligibility").get("decision").asText()).isEqualTo("RETURN");
    assertThat(decided.get("eligibility").get("daysSinceShipment").asInt()).isEqualTo(15);

    work(number, Map.of("handling", "RETURN", "returnReason", "Sediment",
        "returnBasis", "Quality report", "approvedQuantity", 100L, "unitPrice", 12.5));
    work(number, Map.of("approved", true, "approvalNote", "Agreed."));
    work(number, Map.of("receivedQuantity", 108L));
    JsonNode received = json.readTree(get("sales", "/api/returns/" + number).body());
    assertThat(received.get("settlement").get("receivedQuantity").asInt()).isEqualTo(108);

    work(number, Map.of("returnProof", "ORIGINAL_INVOICE", "proofReference", "F-100"));
    work(number, Map.of("voucherNumber", "V-100"));
    AsyncSteps.runDue(engine, number);
    AsyncSteps.runDue(engine, number);

    JsonNode settled = json.readTree(get("finance", "/api/returns/" + number).body());
    assertThat(settled.get("status").asText()).isEqualTo("SETTLED");
    assertThat(settled.get("closedAt").isNull()).isFalse();
    assertThat(settled.get("openTasks")).isEmpty();
    JsonNode settlement = settled.get("settlement");
    assertThat(settlement.get("approvedQuantity").asInt()).isEqualTo(100);
    assertThat(settlement.get("bookedQuantity").asInt()).as("8%% is this customer's ratio")
        .isEqualTo(108);
    assertThat(settlement.get("settlementAmount").decimalValue()).isEqualByComparingTo("1350");
    assertThat(settlement.get("returnProof").asText()).isEqualTo("ORIGINAL_INVOICE");
    assertThat(settlement.get("voucherNumber").asText()).isEqualTo("V-100");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM customer_notification "
        + "WHERE case_number = ? AND kind = 'RETURN_SETTLEMENT'", Long.class, number))
        .isEqualTo(1);

    assertThat(numbers("/api/returns?status=SETTLED&decision=RETURN&handling=RETURN&size=100"))
        .contains(number);
    assertThat(numbers("/api/returns?status=OPEN&size=100")).doesNotContain(number);
    assertThat(numbers("/api/returns?decision=REJECT&size=100")).doesNotContain(number);
  }

  @Test
  void aReturnRequestedInAComplaintIsListedUnderItsComplaint() throws Exception {
    String complaintNumber = complaintHandedToReturns();

    JsonNode listed = json.readTree(get("sales", "/api/returns?complaint=" + complaintNumber)
        .body());
    assertThat(listed.get("total").asLong()).isEqualTo(1);
    JsonNode line = listed.get("items").get(0);
    assertThat(line.get("complaintNumber").asText()).isEqualTo(complaintNumber);
    assertThat(line.get("orderNumber").asText()).isEqualTo("SO-77");
    assertThat(line.get("requestedBy").asText()).isEqualTo("agent");
    assertThat(line.get("status").asText()).isEqualTo("OPEN");

    JsonNode complaintView = json.readTree(get("agent", "/api/complaints/" + complaintNumber)
        .body());
    assertThat(complaintView.get("openTasks").toString()).doesNotContain("TriageComplaint");
  }

  @Test
  void aReturnShowsItsComplaintsNumberAndStatusFromTheComplaintRegister() throws Exception {
    String complaintNumber = complaintHandedToReturns();
    String number = numbers("/api/returns?complaint=" + complaintNumber).get(0);

    JsonNode open = json.readTree(get("warehouse", "/api/returns/" + number).body());
    assertThat(open.get("complaintNumber").asText()).isEqualTo(complaintNumber);
    assertThat(open.get("complaintStatus").asText()).isEqualTo("OPEN");

    // the complaint closes (SPEC §2.8: once the return form is approved and the customer gave
    // feedback) while the return goes on: its register row says so, and the return shows it
    jdbc.update("UPDATE complaint SET status = 'CLOSED', closed_at = CURRENT_TIMESTAMP "
        + "WHERE number = ?", complaintNumber);
    JsonNode closed = json.readTree(get("warehouse", "/api/returns/" + number).body());
    assertThat(closed.get("complaintStatus").asText()).isEqualTo("CLOSED");
    assertThat(closed.get("status").asText()).isEqualTo("OPEN");
    JsonNode listed = json.readTree(get("sales", "/api/returns?complaint=" + complaintNumber)
        .body()).get("items").get(0);
    assertThat(listed.get("complaintStatus").asText()).isEqualTo("CLOSED");
  }

  @Test
  void onlySalesStartsReturnsDirectly() throws Exception {
    HttpResponse<String> agent = post("agent", returnRequest());
    assertThat(agent.statusCode()).isEqualTo(403);
    assertThat(agent.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(post("salesmanager", returnRequest()).statusCode()).isEqualTo(201);
    HttpResponse<String> anonymous = api.send(api.anonymous("/api/returns").GET());
    assertThat(anonymous.statusCode()).isEqualTo(401);
  }

  @Test
  void anUnknownNumberIs404() throws Exception {
    HttpResponse<String> response = get("sales", "/api/returns/RT-0001-9999");
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(response.body()).contains("No return numbered RT-0001-9999");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badListQueries")
  void aBadRegisterQueryNamesTheParameter(String query, String field) throws Exception {
    HttpResponse<String> response = get("sales", "/api/returns?" + query);
    assertThat(Problems.badFields(response)).containsExactly(field);
  }

  static Stream<Arguments> badListQueries() {
    return Stream.of(Arguments.of("size=0", "size"), Arguments.of("page=-1", "page"),
        Arguments.of("status=LOST", "status"), Arguments.of("decision=MAYBE", "decision"),
        Arguments.of("handling=GIFT", "handling"), Arguments.of("complaint=CP-1", "complaint"),
        Arguments.of("to=tomorrow", "to"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badReturns")
  void badInputIs400NamingEachFieldAndNothingIsStoredOrStarted(String what,
      Consumer<ObjectNode> spoil, List<String> fields) throws Exception {
    ObjectNode request = returnRequest();
    spoil.accept(request);
    HttpResponse<String> response = post("sales", request);
    assertThat(Problems.badFields(response)).containsExactlyInAnyOrderElementsOf(fields);
  }

  static Stream<Arguments> badReturns() {
    return Stream.of(
        bad("no customer", r -> r.remove("customer"), "customer"),
        bad("phone with letters", r -> customer(r).put("phone", "call me"), "customer.phone"),
        bad("unknown region", r -> customer(r).put("region", "MARS"), "customer.region"),
        bad("no order number", r -> r.remove("orderNumber"), "orderNumber"),
        bad("no outbound date", r -> r.remove("shippedOn"), "shippedOn"),
        bad("outbound date in the future", r -> r.put("shippedOn",
            LocalDate.now().plusDays(30).toString()), "shippedOn", "claimedOn"),
        bad("claim before the outbound date", r -> r.put("claimedOn", "2026-11-01"),
            "claimedOn"),
        bad("no description", r -> r.put("description", " "), "description"),
        bad("no quantity", r -> r.remove("claimedQuantity"), "claimedQuantity"),
        bad("zero quantity", r -> r.put("claimedQuantity", 0), "claimedQuantity"),
        bad("quantity in fractions", r -> r.put("claimedQuantity", 1.5), "claimedQuantity"),
        bad("unknown handling", r -> r.put("handling", "GIFT"), "handling"),
        bad("ratio above 100%", r -> r.put("overAcceptanceRatio", 1.5), "overAcceptanceRatio"),
        bad("negative ratio", r -> r.put("overAcceptanceRatio", -0.1), "overAcceptanceRatio"),
        bad("several at once", r -> {
          r.remove("orderNumber");
          r.put("claimedQuantity", -3);
          customer(r).put("name", "");
        }, "orderNumber", "claimedQuantity", "customer.name"),
        bad("not JSON", r -> r.removeAll().put("__raw", true), "body"));
  }

  // Every bad-input check also proves nothing was stored or started:
  private List<Long> storedBefore;

  @BeforeEach
  void rememberWhatIsStored() {
    storedBefore = stored();
  }

  @AfterEach
  void checkNothingLeakedFromRejectedRequests(TestInfo test) {
    if (test.getTestMethod().map(m -> m.getName().contains("Is400")).orElse(false)) {
      assertThat(stored()).as("returns and cases after a rejected request").isEqualTo(storedBefore);
    }
  }

  /** Register rows and started cases: a rejected request adds to neither. */
  private List<Long> stored() {
    return List.of(jdbc.queryForObject("SELECT COUNT(*) FROM product_return", Long.class),
        engine.getHistoryService().createHistoricProcessInstanceQuery()
            .processDefinitionKey("product-return").count());
  }

  /** A complaint registered over the API that triage sends to returns: its number. */
  private String complaintHandedToReturns() throws Exception {
    ObjectNode complaint = json.createObjectNode().put("channel", "PHONE")
        .put("type", "COMPLAINT").put("subject", "Leaking bottles")
        .put("description", "Half the bottles leak.").put("orderNumber", "SO-77")
        .put("shippedOn", "2026-11-10");
    complaint.putObject("customer").put("name", "Sun Wu").put("phone", "13500000000")
        .put("region", "DOMESTIC");
    HttpResponse<String> registered = api.postJson(api.request("agent", "/api/complaints"),
        complaint.toString());
    String complaintNumber = json.readTree(registered.body()).get("number").asText();
    work(complaintNumber, Map.of("complaintValid", true, "severe", false,
        "category", "RETURN_REQUEST",
        "specialCase", false, "triageNote", "They want to send the goods back."));
    AsyncSteps.runDue(engine, complaintNumber);
    return complaintNumber;
  }

  private void work(String businessKey, Map<String, Object> variables) {
    Worklist.completeTheOpenTask(engine, businessKey, variables);
  }

  private List<String> numbers(String path) throws Exception {
    return json.readTree(get("sales", path).body()).get("items").findValuesAsText("number");
  }

  private static Arguments bad(String what, Consumer<ObjectNode> spoil, String... fields) {
    return Arguments.of(what, spoil, List.of(fields));
  }

  private static ObjectNode customer(ObjectNode request) {
    return (ObjectNode) request.get("customer");
  }

  private ObjectNode returnRequest() {
    ObjectNode request = json.createObjectNode();
    request.put("orderNumber", "SO-2611-300").put("productBatch", "B-1107")
        .put("shippedOn", "2026-11-05").put("claimedOn", "2026-11-20")
        .put("description", "Sediment at the bottom of every bottle.")
        .put("claimedQuantity", 120).put("handling", "RETURN").put("overAcceptanceRatio", 0.08);
    request.putObject("customer").put("name", "Qian Li").put("phone", "13900000000")
        .put("address", "Hangzhou").put("region", "DOMESTIC");
    return request;
  }

  private String start(ObjectNode request) throws Exception {
    HttpResponse<String> response = post("sales", request);
    assertThat(response.statusCode()).isEqualTo(201);
    return json.readTree(response.body()).get("number").asText();
  }

  private HttpResponse<String> post(String user, ObjectNode body) throws Exception {
    return post(user, body.has("__raw") ? "{\"orderNumber\": " : body.toString());
  }

  private HttpResponse<String> post(String user, String body) throws Exception {
    return api.postJson(api.request(user, "/api/returns"), body);
  }

  private HttpResponse<String> get(String user, String path) throws Exception {
    return api.get(user, path);
  }
}
