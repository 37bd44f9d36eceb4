package com.careflow.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import com.careflow.employee.EmployeeRecords;
import com.careflow.employee.EmployeeRecords.Hire;
import com.careflow.numbering.CaseNumbers.CaseNumber;
import com.careflow.support.ApiClient;
import com.careflow.support.CareFlowSpringTest;
import com.careflow.support.Problems;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * SPEC §4 over HTTP: nominations answered with their eligibility, competitions and candidates'
 * registrations, the register, bad input and access.
 */
@CareFlowSpringTest
class PromotionApiTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final AtomicInteger SERIAL = new AtomicInteger(8000);

  @LocalServerPort private int port;
  @Autowired private ObjectMapper json;
  @Autowired private JdbcTemplate jdbc;
  @Autowired private ProcessEngine engine;
  @Autowired private EmployeeRecords records;

  private ApiClient api;

  @BeforeEach
  void connect() {
    api = new ApiClient(port);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  // --- nominations (SPEC §4.3) ---

  @Test
  void aManagerNominatesAnEligibleAgentWhomHrThenAssesses() throws Exception {
    String agent = eligibleAgent();
    HttpResponse<String> response = post("csmanager", "/api/promotions", nomination(agent));
    assertThat(response.statusCode()).isEqualTo(201);
    JsonNode body = json.readTree(response.body());
    String id = body.get("id").asText();
    assertThat(id).matches("PR-\\d{4}-\\d{4}");
    assertThat(response.headers().firstValue("Location")).hasValue("/api/promotions/" + id);
    assertThat(body.get("eligible").asBoolean()).isTrue();
    assertThat(body.get("unmetConditions")).isEmpty();

    JsonNode view = json.readTree(api.get("hr", "/api/promotions/" + id).body());
    JsonNode promotion = view.get("promotion");
    assertThat(promotion.get("status").asText()).isEqualTo("IN_REVIEW");
    assertThat(promotion.get("employeeId").asText()).isEqualTo(agent);
    assertThat(promotion.get("currentGrade").asInt()).isEqualTo(2);
    assertThat(promotion.get("targetGrade").asInt()).isEqualTo(3);
    assertThat(promotion.get("nominatedBy").asText()).isEqualTo("csmanager");
    assertThat(promotion.get("facts").get("monthsInGrade").asInt()).isEqualTo(8);
    assertThat(promotion.get("facts").get("avgPerformanceScore").decimalValue())
        .isEqualByComparingTo("85");
    assertThat(promotion.get("material").get("selfReport").asText()).isEqualTo("Self-report.");
    assertThat(view.get("openTasks")).singleElement().satisfies(task ->
        assertThat(task.get("taskDefinitionKey").asText()).isEqualTo("AssessNominee"));
    assertThat(ids("/api/promotions?employee=" + agent + "&status=IN_REVIEW")).containsExactly(id);
    assertThat(ids("/api/promotions?employee=" + agent + "&status=REJECTED")).isEmpty();
  }

  @Test
  void anIneligibleNomineesNominatorIsToldEveryUnmetConditionAtOnce() throws Exception {
    String probationer = employee(null, 1, 1);
    HttpResponse<String> response = post("csmanager", "/api/promotions",
        nomination(probationer).put("targetGrade", 3));
    assertThat(response.statusCode()).isEqualTo(201);
    JsonNode body = json.readTree(response.body());
    assertThat(body.get("eligible").asBoolean()).isFalse();
    List<String> unmet = json.convertValue(body.get("unmetConditions"),
        json.getTypeFactory().constructCollectionType(List.class, String.class));
    assertThat(unmet).containsExactlyInAnyOrder("PROBATION", "MONTHS_IN_GRADE", "PERFORMANCE",
        "LECTURER_CERTIFICATE", "JUNIOR_COURSE", "SKIP_LEVEL");
    JsonNode view = json.readTree(api.get("hr", "/api/promotions/" + body.get("id").asText())
        .body());
    assertThat(view.get("promotion").get("status").asText()).isEqualTo("INELIGIBLE");
    assertThat(view.get("openTasks")).isEmpty();
  }

  @Test
  void theDemoAgentsRecordsGiveTheReadmesTwoAnswers() throws Exception {
    JsonNode eligible = json.readTree(post("csmanager", "/api/promotions",
        nomination("EM-0000-0001")).body());
    assertThat(eligible.get("eligible").asBoolean()).isTrue();
    JsonNode ineligible = json.readTree(post("csmanager", "/api/promotions",
        nomination("EM-0000-0002").put("targetGrade", 2)).body());
    assertThat(ineligible.get("eligible").asBoolean()).isFalse();
    assertThat(ineligible.get("unmetConditions").toString()).contains("MONTHS_IN_GRADE",
        "PERFORMANCE", "JUNIOR_COURSE")
        .as("agent2's warning is eight months old: outside the 6-month window")
        .doesNotContain("DISCIPLINE");
  }

  @Test
  void managersNominateTheirOwnDepartmentAndOnlyItsLineReadsThePromotion() throws Exception {
    String agent = eligibleAgent(); // customer service
    assertThat(post("agent", "/api/promotions", nomination(agent)).statusCode()).isEqualTo(403);
    assertThat(post("hr", "/api/promotions", nomination(agent)).statusCode()).isEqualTo(403);
    HttpResponse<String> otherDepartment = post("salesmanager", "/api/promotions",
        nomination(agent));
    assertThat(otherDepartment.statusCode()).as("SPEC §7.4").isEqualTo(403);
    assertThat(otherDepartment.body()).contains("customer-service");
    String id = json.readTree(post("csmanager", "/api/promotions", nomination(agent)).body())
        .get("id").asText();
    for (String reader : List.of("csmanager", "hr", "hrmanager", "gm")) {
      assertThat(api.get(reader, "/api/promotions/" + id).statusCode()).as(reader)
          .isEqualTo(200);
    }
    for (String outsider : List.of("agent", "salesmanager", "gmoffice", "vp", "quality")) {
      assertThat(api.get(outsider, "/api/promotions/" + id).statusCode()).as(outsider)
          .isEqualTo(403);
    }
    assertThat(json.readTree(api.get("salesmanager", "/api/promotions?employee=" + agent)
        .body()).get("total").asInt()).as("nor in the list").isZero();
    assertThat(json.readTree(api.get("csmanager", "/api/promotions?employee=" + agent)
        .body()).get("total").asInt()).isPositive();
    assertThat(api.send(api.anonymous("/api/promotions").GET()).statusCode()).isEqualTo(401);
    HttpResponse<String> unknown = api.get("hr", "/api/promotions/PR-0001-9999");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("No promotion numbered PR-0001-9999");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badNominations")
  void aBadNominationIs400NamingEachFieldAndNothingIsStoredOrStarted(String what,
      Consumer<ObjectNode> spoil, List<String> fields) throws Exception {
    ObjectNode request = nomination(eligibleAgent());
    spoil.accept(request);
    List<Long> before = stored();
    HttpResponse<String> response = post("csmanager", "/api/promotions",
        request.has("__raw") ? "{\"employeeId\": " : request.toString());
    assertThat(Problems.badFields(response)).containsExactlyInAnyOrderElementsOf(fields);
    assertThat(stored()).isEqualTo(before);
  }

  static Stream<Arguments> badNominations() {
    return Stream.of(
        bad("no employee", r -> r.remove("employeeId"), "employeeId"),
        bad("unknown employee", r -> r.put("employeeId", "EM-0001-0001"), "employeeId"),
        bad("unknown kind", r -> r.put("promotionType", "BONUS"), "promotionType"),
        bad("no track", r -> r.remove("track"), "track"),
        bad("a vacancy nominated", r -> r.put("track", "VACANCY"), "track"),
        bad("position without a target grade", r -> r.remove("targetGrade"), "targetGrade"),
        bad("target grade not above the current", r -> r.put("targetGrade", 2), "targetGrade"),
        bad("target grade 11", r -> r.put("targetGrade", 11), "targetGrade"),
        bad("pay level to another grade", r -> r.put("promotionType", "PAY_LEVEL"),
            "targetGrade"),
        bad("no evaluation form", r -> r.put("evaluation", ""), "evaluation"),
        bad("no self-report", r -> r.remove("selfReport"), "selfReport"),
        bad("no recommendation", r -> r.remove("supervisorRecommendation"),
            "supervisorRecommendation"),
        bad("several at once", r -> {
          r.remove("evaluation");
          r.put("track", "VACANCY");
          r.put("targetGrade", 1);
        }, "evaluation", "track", "targetGrade"),
        bad("not JSON", r -> r.put("__raw", true), "body"));
  }

  // --- competitions (SPEC §4.4) ---

  @Test
  void candidatesRegisterForAnOpenCompetitionThemselvesOrThroughTheirManager() throws Exception {
    String competition = openCompetition();
    String self = eligibleAgent();
    String selfUser = records.find(self).orElseThrow().userId();
    tasklistUser(selfUser);
    String other = eligibleAgent();

    HttpResponse<String> own = post(selfUser, "/api/promotions/competitions/" + competition
        + "/candidates", json.createObjectNode().put("employeeId", self)
        .put("selfReport", "I want to lead."));
    assertThat(own.statusCode()).as(own.body()).isEqualTo(201);
    HttpResponse<String> forSomeoneElse = post(selfUser, "/api/promotions/competitions/"
        + competition + "/candidates", json.createObjectNode().put("employeeId", other));
    assertThat(forSomeoneElse.statusCode()).isEqualTo(400);
    assertThat(forSomeoneElse.body()).contains("must be yourself");
    assertThat(post("csmanager", "/api/promotions/competitions/" + competition + "/candidates",
        json.createObjectNode().put("employeeId", other)).statusCode()).isEqualTo(201);
    HttpResponse<String> twice = post("csmanager", "/api/promotions/competitions/" + competition
        + "/candidates", json.createObjectNode().put("employeeId", other));
    assertThat(twice.body()).contains("is already registered");

    JsonNode forHr = json.readTree(api.get("hr", "/api/promotions/competitions/" + competition)
        .body());
    assertThat(forHr.get("competition").get("status").asText()).isEqualTo("OPEN");
    assertThat(forHr.get("competition").get("places").asInt()).isEqualTo(1);
    assertThat(forHr.get("candidates").findValuesAsText("employeeId"))
        .containsExactly(self, other);
    JsonNode forStaff = json.readTree(api.get(selfUser, "/api/promotions/competitions/"
        + competition).body());
    assertThat(forStaff.get("competition").get("post").asText()).isEqualTo("Team lead");
    assertThat(forStaff.get("candidates").isNull()).isTrue();
    assertThat(ids("/api/promotions?competition=" + competition + "&track=VACANCY")).hasSize(2);
  }

  @Test
  void registrationClosesWithTheCompetition() throws Exception {
    String competition = openCompetition();
    JsonNode view = json.readTree(api.get("hr", "/api/promotions/competitions/" + competition)
        .body());
    String instance = view.get("competition").get("processInstanceId").asText();
    ClockUtil.setCurrentTime(Date.from(LocalDate.now(SHANGHAI).plusDays(9)
        .atStartOfDay(SHANGHAI).toInstant()));
    engine.getManagementService().executeJob(engine.getManagementService().createJobQuery()
        .processInstanceId(instance).timers().singleResult().getId());
    HttpResponse<String> late = post("csmanager", "/api/promotions/competitions/" + competition
        + "/candidates", json.createObjectNode().put("employeeId", eligibleAgent()));
    assertThat(late.statusCode()).isEqualTo(409);
    assertThat(late.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(late.body()).contains("closed");
    assertThat(post("csmanager", "/api/promotions/competitions/VC-0001-9999/candidates",
        json.createObjectNode().put("employeeId", eligibleAgent())).statusCode()).isEqualTo(404);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badCompetitions")
  void aBadCompetitionIs400NamingEachField(String what, Consumer<ObjectNode> spoil,
      List<String> fields) throws Exception {
    ObjectNode notice = competitionNotice();
    spoil.accept(notice);
    long before = jdbc.queryForObject("SELECT COUNT(*) FROM promotion_competition", Long.class);
    HttpResponse<String> response = post("hr", "/api/promotions/competitions", notice);
    assertThat(Problems.badFields(response)).containsExactlyInAnyOrderElementsOf(fields);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM promotion_competition", Long.class))
        .isEqualTo(before);
  }

  static Stream<Arguments> badCompetitions() {
    return Stream.of(
        bad("no post", r -> r.remove("post"), "post"),
        bad("no places", r -> r.put("places", 0), "places"),
        bad("closed yesterday", r -> r.put("closesOn",
            LocalDate.now(SHANGHAI).minusDays(2).toString()), "closesOn"),
        bad("no panel", r -> r.putArray("panel"), "panel"),
        bad("unknown panel member", r -> r.putArray("panel").add("gm").add("nobody"),
            "panel[1]"));
  }

  @Test
  void onlyHrPublishesCompetitions() throws Exception {
    assertThat(post("csmanager", "/api/promotions/competitions", competitionNotice())
        .statusCode()).isEqualTo(403);
  }

  // --- helpers ---

  private List<Long> stored() {
    return List.of(jdbc.queryForObject("SELECT COUNT(*) FROM promotion", Long.class),
        engine.getHistoryService().createHistoricProcessInstanceQuery()
            .processDefinitionKey("staff-promotion").count());
  }

  private ObjectNode nomination(String employeeId) {
    return json.createObjectNode().put("employeeId", employeeId).put("promotionType", "POSITION")
        .put("track", "PERIODIC").put("targetGrade", 3).put("targetPosition", "Team lead")
        .put("evaluation", "Evaluation form.").put("selfReport", "Self-report.")
        .put("supervisorRecommendation", "Recommended.").put("examples", "The March recall.");
  }

  private ObjectNode competitionNotice() {
    ObjectNode notice = json.createObjectNode().put("post", "Team lead").put("targetGrade", 3)
        .put("places", 1).put("eligibility", "Two years in customer service.")
        .put("closesOn", LocalDate.now(SHANGHAI).plusDays(7).toString());
    notice.putArray("panel").add("gm").add("hrmanager");
    return notice;
  }

  private String openCompetition() throws Exception {
    HttpResponse<String> response = post("hr", "/api/promotions/competitions",
        competitionNotice());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    String id = json.readTree(response.body()).get("id").asText();
    assertThat(id).matches("VC-\\d{4}-\\d{4}");
    return id;
  }

  /**
   * A regular grade-2 agent, in the grade for 8 months, with an average of 85, the lecturer
   * certificate and the junior course, entered through HR's API.
   */
  private String eligibleAgent() throws Exception {
    String id = employee(LocalDate.now(SHANGHAI).minusMonths(8), 2, 2);
    YearMonth thisMonth = YearMonth.now(SHANGHAI);
    put("/api/employees/" + id + "/performance-scores/" + thisMonth.minusMonths(2), "{\"score\": 80}");
    put("/api/employees/" + id + "/performance-scores/" + thisMonth.minusMonths(1), "{\"score\": 90}");
    post("hr", "/api/employees/" + id + "/certificates", json.createObjectNode()
        .put("kind", "INTERNAL_LECTURER").put("issuedOn", LocalDate.now(SHANGHAI).toString()));
    post("hr", "/api/employees/" + id + "/course-results", json.createObjectNode()
        .put("level", "JUNIOR").put("score", 75).put("completedOn",
            LocalDate.now(SHANGHAI).toString()));
    return id;
  }

  /** An employee who started a year ago; confirmed on {@code regularSince}, or on probation. */
  private String employee(LocalDate regularSince, int grade, int payLevel) {
    int serial = SERIAL.incrementAndGet();
    CaseNumber id = new CaseNumber("EM", "0001", serial);
    LocalDate start = LocalDate.now(SHANGHAI).minusYears(1);
    records.insert(id, new Hire("p" + serial, "Staff " + serial, null, "customer-service",
        "Agent", grade, payLevel, start, 3, start.plusMonths(3), null, "hr"), Instant.now(),
        null);
    if (regularSince != null) {
      records.confirm(id.toString(), regularSince);
    }
    return id.toString();
  }

  private void tasklistUser(String userId) {
    IdentityService identity = engine.getIdentityService();
    User user = identity.newUser(userId);
    user.setPassword("demo");
    identity.saveUser(user);
  }

  private List<String> ids(String path) throws Exception {
    return json.readTree(api.get("hr", path).body()).get("items").findValuesAsText("id");
  }

  private static Arguments bad(String what, Consumer<ObjectNode> spoil, String... fields) {
    return Arguments.of(what, spoil, List.of(fields));
  }

  private HttpResponse<String> post(String user, String path, ObjectNode body) throws Exception {
    return post(user, path, body.toString());
  }

  private HttpResponse<String> post(String user, String path, String body) throws Exception {
    return api.postJson(api.request(user, path), body);
  }

  private void put(String path, String body) throws Exception {
    HttpResponse<String> response = api.putJson("hr", path, body);
    assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
  }
}
