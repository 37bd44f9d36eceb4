package com.careflow.employee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.careflow.employee.EmployeeRecords.Hire;
import com.careflow.numbering.CaseNumbers.CaseNumber;
import com.careflow.support.ApiClient;
import com.careflow.support.AsyncSteps;
import com.careflow.support.CareFlowSpringTest;
import com.careflow.support.Problems;
import com.careflow.support.Worklist;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * SPEC §3, §4's records over HTTP: {@code POST /api/employees} starts onboarding, which is
 * worked through to a regular employee with a Tasklist account; HR's entries into the file;
 * bad input, access and the register's filters.
 */
@CareFlowSpringTest
class EmployeeApiTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

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

  // --- the hire (SPEC §3.1) ---

  @Test
  void hrRegistersAHireWhoseFirstModuleWaitsForTheTrainers() throws Exception {
    ObjectNode request = hireRequest();
    HttpResponse<String> response = post("hr", "/api/employees", request);
    assertThat(response.statusCode()).isEqualTo(201);
    JsonNode body = json.readTree(response.body());
    String id = body.get("id").asText();
    assertThat(id).matches("EM-\\d{4}-\\d{4}");
    assertThat(response.headers().firstValue("Location")).hasValue("/api/employees/" + id);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(body.get("processInstanceId").asText()).singleResult()
        .getBusinessKey()).isEqualTo(id);

    JsonNode employee = json.readTree(api.get("hrmanager", "/api/employees/" + id).body());
    assertThat(employee.get("status").asText()).isEqualTo("PROBATION");
    assertThat(employee.get("userId").asText()).isEqualTo(request.get("userId").asText());
    assertThat(employee.get("name").asText()).isEqualTo("Lin Xiaoyu");
    assertThat(employee.get("grade").asInt()).isOne();
    assertThat(employee.get("payLevel").asInt()).isOne();
    assertThat(employee.get("probationMonths").asInt()).isEqualTo(3);
    assertThat(employee.get("probationEndsOn").asText())
        .isEqualTo(today().plusMonths(3).toString());
    assertThat(employee.get("mentor").asText()).isEqualTo("agent");
    assertThat(employee.get("hiredBy").asText()).isEqualTo("hr");
    assertThat(employee.get("regularSince").isNull()).isTrue();
    assertThat(employee.get("openTasks")).singleElement().satisfies(task -> {
      assertThat(task.get("taskDefinitionKey").asText()).isEqualTo("RecordModuleScore");
      assertThat(task.get("candidateGroups").toString()).contains("trainers");
    });
  }

  @Test
  void anOnboardingWorkedThroughTasklistEndsWithARegularAgentInCsAgents() throws Exception {
    ObjectNode request = hireRequest();
    request.remove("mentor");
    String userId = request.get("userId").asText();
    String id = hire(request);
    work(id, Map.of("mentor", "csmanager"));
    work(id, Map.of("moduleScore", 60L));
    work(id, Map.of("moduleScore", 81L));
    work(id, Map.of("moduleScore", 75L));
    work(id, Map.of("moduleScore", 90.5));
    AsyncSteps.runDue(engine, id);

    assertThat(engine.getIdentityService().createUserQuery().userId(userId)
        .memberOfGroup("cs-agents").count()).isOne();
    assertThat(api.get(userId, "/api/complaints").statusCode())
        .as("the new agent signs in with the demo profile's initial password").isEqualTo(200);
    JsonNode onDuty = json.readTree(api.get("hr", "/api/employees/" + id).body());
    assertThat(onDuty.get("onDutySince").asText()).isEqualTo(today().toString());
    assertThat(onDuty.get("mentor").asText()).isEqualTo("csmanager");
    assertThat(onDuty.get("file").get("training")).hasSize(4);
    assertThat(onDuty.get("file").get("training").get(0).get("passed").asBoolean()).isFalse();
    assertThat(onDuty.get("file").get("training").findValuesAsText("module"))
        .containsExactly("BASICS", "BASICS", "PRODUCT", "SERVICE_SKILLS");

    Date reviewOpens = Date.from(today().plusMonths(3).atTime(9, 1).atZone(SHANGHAI).toInstant());
    ClockUtil.setCurrentTime(reviewOpens);
    Job timer = engine.getManagementService().createJobQuery().processInstanceId(
        onDuty.get("processInstanceId").asText()).timers().singleResult();
    engine.getManagementService().executeJob(timer.getId());
    Task report = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(id)
        .singleResult();
    assertThat(report.getAssignee()).isEqualTo(userId);
    work(id, Map.of("selfAssessment", "I answered 300 calls."));
    work(id, Map.of("recommendation", "CONFIRM", "supervisorNote", "Ready."));
    work(id, Map.of("approved", true, "hrNote", "Approved."));
    AsyncSteps.runDue(engine, id);

    JsonNode regular = json.readTree(api.get("hr", "/api/employees/" + id).body());
    LocalDate confirmedOn = LocalDate.ofInstant(reviewOpens.toInstant(), SHANGHAI);
    assertThat(regular.get("status").asText()).isEqualTo("REGULAR");
    assertThat(regular.get("regularSince").asText()).isEqualTo(confirmedOn.toString());
    assertThat(regular.get("gradeSince").asText()).isEqualTo(confirmedOn.toString());
    assertThat(regular.get("openTasks")).isEmpty();
    assertThat(ids("/api/employees?status=REGULAR&size=100")).contains(id);
    assertThat(ids("/api/employees?status=PROBATION&size=100")).doesNotContain(id);
  }

  @Test
  void aLoginInUseByACurrentEmployeeCannotBeHiredAgain() throws Exception {
    ObjectNode request = hireRequest();
    String first = hire(request);
    HttpResponse<String> again = post("hr", "/api/employees", request);
    assertThat(again.statusCode()).isEqualTo(400);
    assertThat(json.readTree(again.body()).get("errors").get(0).get("message").asText())
        .isEqualTo("is the Tasklist user of employee " + first);
  }

  @Test
  void ofHiresSentAtTheSameMomentWithOneLoginOnlyOneIsRegistered() throws Exception {
    ObjectNode request = hireRequest();
    List<Long> before = stored();
    ExecutorService together = Executors.newFixedThreadPool(4);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<HttpResponse<String>>> answers = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      answers.add(together.submit(() -> {
        start.await();
        return post("hr", "/api/employees", request);
      }));
    }
    start.countDown();
    List<Integer> statuses = new ArrayList<>();
    for (Future<HttpResponse<String>> answer : answers) {
      HttpResponse<String> response = answer.get(30, TimeUnit.SECONDS);
      statuses.add(response.statusCode());
      if (response.statusCode() == 400) {
        assertThat(json.readTree(response.body()).get("errors").findValuesAsText("field"))
            .containsExactly("userId");
      }
    }
    together.shutdown();
    assertThat(statuses).containsOnly(201, 400).containsOnlyOnce(201);
    assertThat(stored()).isEqualTo(List.of(before.get(0) + 1, before.get(1) + 1));
  }

  @Test
  void aFormerEmployeesLoginMayBeHiredAgainButNotTwiceAtOnce() {
    CaseNumber first = new CaseNumber("EM", "0002", 1);
    CaseNumber second = new CaseNumber("EM", "0002", 2);
    CaseNumber third = new CaseNumber("EM", "0002", 3);
    Hire hire = new Hire("rehired", "Re Hired", null, "customer-service", "Agent", 1, 1,
        today(), 3, today().plusMonths(3), null, "hr");
    records.insert(first, hire, Instant.now(), null);
    assertThatThrownBy(() -> records.insert(second, hire, Instant.now(), null))
        .isInstanceOf(DuplicateKeyException.class);
    records.leave(first.toString(), today(), "Moved away");
    records.insert(third, hire, Instant.now(), null);
    assertThat(records.currentByUser("rehired")).map(Employee::id).hasValue(third.toString());
  }

  // --- HR's entries (SPEC §4.2's inputs) ---

  @Test
  void hrRecordsScoresDisciplinaryActionsCertificatesAndCourses() throws Exception {
    String id = hire(hireRequest());
    String month = YearMonth.now(SHANGHAI).toString();
    HttpResponse<String> first = put("hr", "/api/employees/" + id + "/performance-scores/"
        + month, "{\"score\": 78.5}");
    assertThat(first.statusCode()).isEqualTo(201);
    HttpResponse<String> corrected = put("hrmanager", "/api/employees/" + id
        + "/performance-scores/" + month, "{\"score\": 82}");
    assertThat(corrected.statusCode()).isEqualTo(200);
    assertThat(post("hr", "/api/employees/" + id + "/disciplinary-actions", json.createObjectNode()
        .put("actionOn", today().toString()).put("kind", "WARNING")
        .put("reason", "Late three times")).statusCode()).isEqualTo(201);
    assertThat(post("hr", "/api/employees/" + id + "/certificates", json.createObjectNode()
        .put("kind", "INTERNAL_LECTURER").put("issuedOn", "2025-06-01")
        .put("reference", "IL-77")).statusCode()).isEqualTo(201);
    HttpResponse<String> course = post("hr", "/api/employees/" + id + "/course-results",
        json.createObjectNode().put("level", "JUNIOR").put("score", 69.5)
            .put("completedOn", "2026-03-15"));
    assertThat(course.statusCode()).isEqualTo(201);
    assertThat(json.readTree(course.body()).get("employeeId").asText()).isEqualTo(id);

    JsonNode file = json.readTree(api.get("csmanager", "/api/employees/" + id).body())
        .get("file");
    assertThat(file.get("performance")).singleElement().satisfies(score -> {
      assertThat(score.get("month").asText()).isEqualTo(month);
      assertThat(score.get("score").decimalValue()).isEqualByComparingTo("82");
      assertThat(score.get("recordedBy").asText()).isEqualTo("hrmanager");
    });
    assertThat(file.get("disciplinaryActions")).singleElement().satisfies(action -> {
      assertThat(action.get("kind").asText()).isEqualTo("WARNING");
      assertThat(action.get("reason").asText()).isEqualTo("Late three times");
    });
    assertThat(file.get("certificates").get(0).get("kind").asText())
        .isEqualTo("INTERNAL_LECTURER");
    assertThat(file.get("courseResults").get(0).get("score").decimalValue())
        .isEqualByComparingTo("69.5");
  }

  // --- access ---

  @Test
  void onlyHrWritesAndOnlyHrAndManagersRead() throws Exception {
    assertThat(post("agent", "/api/employees", hireRequest()).statusCode()).isEqualTo(403);
    assertThat(post("csmanager", "/api/employees", hireRequest()).statusCode()).isEqualTo(403);
    String id = hire(hireRequest());
    assertThat(api.get("agent", "/api/employees/" + id).statusCode()).isEqualTo(403);
    assertThat(api.get("gm", "/api/employees/" + id).statusCode()).isEqualTo(200);
    assertThat(put("csmanager", "/api/employees/" + id + "/performance-scores/2026-11",
        "{\"score\": 90}").statusCode()).isEqualTo(403);
    assertThat(api.send(api.anonymous("/api/employees").GET()).statusCode()).isEqualTo(401);
  }

  @Test
  void personnelFilesStayWithHrTheGeneralManagersAndTheEmployeesOwnLine() throws Exception {
    String agent = hire(hireRequest());
    String storeman = hire(hireRequest().put("department", "warehouse").put("position", "Clerk"));
    for (String reader : List.of("hr", "hrmanager", "gm", "csmanager")) {
      assertThat(api.get(reader, "/api/employees/" + agent).statusCode()).as(reader)
          .isEqualTo(200);
    }
    for (String outsider : List.of("gmoffice", "salesmanager", "agent2", "warehouse")) {
      HttpResponse<String> refused = api.get(outsider, "/api/employees/" + agent);
      assertThat(refused.statusCode()).as(outsider + " (SPEC §7.2)").isEqualTo(403);
      assertThat(refused.headers().firstValue("Content-Type"))
          .hasValue("application/problem+json");
    }
    assertThat(api.get("csmanager", "/api/employees/" + storeman).statusCode())
        .as("another department's file").isEqualTo(403);
    assertThat(api.get("vp", "/api/employees/" + storeman).statusCode())
        .as("the warehouse's line").isEqualTo(200);
    assertThat(api.get("gmoffice", "/api/employees").statusCode()).isEqualTo(403);
    JsonNode csList = json.readTree(api.get("csmanager", "/api/employees?size=100").body());
    assertThat(csList.get("items")).isNotEmpty().allSatisfy(employee ->
        assertThat(employee.get("department").asText()).isEqualTo("customer-service"));
    assertThat(json.readTree(api.get("hr", "/api/employees?department=warehouse&size=100")
        .body()).get("items")).extracting(employee -> employee.get("id").asText())
        .contains(storeman);
  }

  @Test
  void staffReadTheirOwnFileOnly() throws Exception {
    JsonNode own = json.readTree(api.get("agent", "/api/employees/me").body());
    assertThat(own.get("id").asText()).isEqualTo("EM-0000-0001");
    assertThat(own.get("userId").asText()).isEqualTo("agent");
    assertThat(own.get("file").get("performance")).hasSize(12);
    assertThat(own.has("openTasks")).isFalse();
    HttpResponse<String> none = api.get("gm", "/api/employees/me");
    assertThat(none.statusCode()).isEqualTo(404);
    assertThat(none.body()).contains("You have no current employee record");
    assertThat(api.get("agent", "/api/employees/EM-0000-0002").statusCode()).isEqualTo(403);
  }

  @Test
  void anUnknownEmployeeIs404() throws Exception {
    HttpResponse<String> read = api.get("hr", "/api/employees/EM-0001-9999");
    assertThat(read.statusCode()).isEqualTo(404);
    assertThat(read.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(read.body()).contains("No employee numbered EM-0001-9999");
    assertThat(post("hr", "/api/employees/EM-0001-9999/certificates", json.createObjectNode()
        .put("kind", "INTERNAL_LECTURER").put("issuedOn", "2025-06-01")).statusCode())
        .isEqualTo(404);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badListQueries")
  void aBadRegisterQueryNamesTheParameter(String query, String field) throws Exception {
    HttpResponse<String> response = api.get("hr", "/api/employees?" + query);
    assertThat(Problems.badFields(response)).containsExactly(field);
  }

  static Stream<Arguments> badListQueries() {
    return Stream.of(Arguments.of("status=ON_LEAVE", "status"), Arguments.of("size=101", "size"),
        Arguments.of("page=-1", "page"));
  }

  // --- bad input: 400 naming each field, nothing stored or started ---

  @ParameterizedTest(name = "{0}")
  @MethodSource("badHires")
  void aBadHireIs400NamingEachFieldAndNothingIsStoredOrStarted(String what,
      Consumer<ObjectNode> spoil, List<String> fields) throws Exception {
    ObjectNode request = hireRequest();
    spoil.accept(request);
    HttpResponse<String> response = post("hr", "/api/employees",
        request.has("__raw") ? "{\"name\": " : request.toString());
    assertThat(Problems.badFields(response)).containsExactlyInAnyOrderElementsOf(fields);
  }

  static Stream<Arguments> badHires() {
    return Stream.of(
        bad("no name", r -> r.put("name", " "), "name"),
        bad("no login", r -> r.remove("userId"), "userId"),
        bad("login with capitals and a dot", r -> r.put("userId", "Lin.Xy"), "userId"),
        bad("login of another Tasklist user", r -> r.put("userId", "agent").put("mentor", "csmanager"),
            "userId"),
        bad("bad email", r -> r.put("email", "lin at example"), "email"),
        bad("no department", r -> r.remove("department"), "department"),
        bad("a department that is not configured", r -> r.put("department", "Customer service"),
            "department"),
        bad("no position", r -> r.put("position", ""), "position"),
        bad("grade 0", r -> r.put("grade", 0), "grade"),
        bad("pay level 11", r -> r.put("payLevel", 11), "payLevel"),
        bad("no start date", r -> r.remove("startDate"), "startDate"),
        bad("start date 91 days ago", r -> r.put("startDate",
            LocalDate.now(SHANGHAI).minusDays(91).toString()), "startDate"),
        bad("start date over a year ahead", r -> r.put("startDate",
            LocalDate.now(SHANGHAI).plusDays(366).toString()), "startDate"),
        bad("probation of 7 months", r -> r.put("probationMonths", 7), "probationMonths"),
        bad("probation of 0 months", r -> r.put("probationMonths", 0), "probationMonths"),
        bad("probation in fractions", r -> r.put("probationMonths", 2.5), "probationMonths"),
        bad("unknown mentor", r -> r.put("mentor", "nobody"), "mentor"),
        bad("own mentor", r -> r.put("mentor", r.get("userId").asText()), "mentor"),
        bad("several at once", r -> {
          r.remove("name");
          r.put("probationMonths", 9);
          r.put("mentor", "nobody");
        }, "name", "probationMonths", "mentor"),
        bad("not JSON", r -> r.put("__raw", true), "body"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badEntries")
  void aBadFileEntryIs400NamingEachField(String what, String path, String body,
      List<String> fields) throws Exception {
    String id = hire(hireRequest());
    List<Long> before = fileEntries();
    String url = "/api/employees/" + id + path;
    HttpResponse<String> response = path.startsWith("/performance-scores/")
        ? put("hr", url, body) : api.postJson(api.request("hr", url), body);
    assertThat(Problems.badFields(response)).containsExactlyInAnyOrderElementsOf(fields);
    assertThat(fileEntries()).isEqualTo(before);
  }

  static Stream<Arguments> badEntries() {
    String thisMonth = YearMonth.now(SHANGHAI).toString();
    String tomorrow = LocalDate.now(SHANGHAI).plusDays(1).toString();
    return Stream.of(
        entry("score above 100", "/performance-scores/" + thisMonth, "{\"score\": 100.5}",
            "score"),
        entry("no score", "/performance-scores/" + thisMonth, "{}", "score"),
        entry("month 13", "/performance-scores/2026-13", "{\"score\": 80}", "month"),
        entry("next month", "/performance-scores/" + YearMonth.now(SHANGHAI).plusMonths(1),
            "{\"score\": 80}", "month"),
        entry("a month before the start", "/performance-scores/"
            + YearMonth.now(SHANGHAI).minusMonths(1), "{\"score\": 80}", "month"),
        entry("action without a reason", "/disciplinary-actions",
            "{\"actionOn\": \"" + LocalDate.now(SHANGHAI) + "\", \"kind\": \"WARNING\"}",
            "reason"),
        entry("action before the start", "/disciplinary-actions",
            "{\"actionOn\": \"2020-01-01\", \"kind\": \"DEMERIT\", \"reason\": \"x\"}",
            "actionOn"),
        entry("action tomorrow", "/disciplinary-actions",
            "{\"actionOn\": \"" + tomorrow + "\", \"kind\": \"DEMERIT\", \"reason\": \"x\"}",
            "actionOn"),
        entry("unknown kind of action", "/disciplinary-actions",
            "{\"actionOn\": \"2026-01-01\", \"kind\": \"FINE\", \"reason\": \"x\"}", "kind"),
        entry("unknown certificate", "/certificates",
            "{\"kind\": \"FORKLIFT\", \"issuedOn\": \"2025-01-01\"}", "kind"),
        entry("certificate without a date", "/certificates",
            "{\"kind\": \"INTERNAL_LECTURER\"}", "issuedOn"),
        entry("unknown course level", "/course-results",
            "{\"level\": \"EXPERT\", \"score\": 80, \"completedOn\": \"2025-01-01\"}", "level"),
        entry("negative course score", "/course-results",
            "{\"level\": \"SENIOR\", \"score\": -1, \"completedOn\": \"2025-01-01\"}", "score"));
  }

  // Every bad hire also proves nothing was stored or started:
  private List<Long> storedBefore;

  @BeforeEach
  void rememberWhatIsStored() {
    storedBefore = stored();
  }

  @AfterEach
  void checkNothingLeakedFromRejectedHires(TestInfo test) {
    if (test.getTestMethod().map(m -> m.getName().startsWith("aBadHire")).orElse(false)) {
      assertThat(stored()).as("employees and onboardings after a rejected hire")
          .isEqualTo(storedBefore);
    }
  }

  private List<Long> stored() {
    return List.of(jdbc.queryForObject("SELECT COUNT(*) FROM employee", Long.class),
        engine.getHistoryService().createHistoricProcessInstanceQuery()
            .processDefinitionKey("staff-onboarding").count());
  }

  private List<Long> fileEntries() {
    return Stream.of("employee_performance_score", "employee_disciplinary_action",
            "employee_certificate", "employee_course_result")
        .map(table -> jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class))
        .toList();
  }

  private void work(String businessKey, Map<String, Object> variables) {
    Worklist.completeTheOpenTask(engine, businessKey, variables);
  }

  private List<String> ids(String path) throws Exception {
    return json.readTree(api.get("hr", path).body()).get("items").findValuesAsText("id");
  }

  private static Arguments bad(String what, Consumer<ObjectNode> spoil, String... fields) {
    return Arguments.of(what, spoil, List.of(fields));
  }

  private static Arguments entry(String what, String path, String body, String... fields) {
    return Arguments.of(what, path, body, List.of(fields));
  }

  private static LocalDate today() {
    return LocalDate.now(SHANGHAI);
  }

  /** A hire starting today, with a login no test used before. */
  private ObjectNode hireRequest() {
    return json.createObjectNode().put("name", "Lin Xiaoyu")
        .put("userId", "n" + UUID.randomUUID().toString().replace("-", "").substring(0, 12))
        .put("email", "lin.xiaoyu@example.com").put("department", "customer-service")
        .put("position", "Agent").put("startDate", today().toString()).put("mentor", "agent");
  }

  private String hire(ObjectNode request) throws Exception {
    HttpResponse<String> response = post("hr", "/api/employees", request);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return json.readTree(response.body()).get("id").asText();
  }

  private HttpResponse<String> post(String user, String path, ObjectNode body) throws Exception {
    return post(user, path, body.toString());
  }

  private HttpResponse<String> post(String user, String path, String body) throws Exception {
    return api.postJson(api.request(user, path), body);
  }

  private HttpResponse<String> put(String user, String path, String body) throws Exception {
    return api.putJson(user, path, body);
  }
}
