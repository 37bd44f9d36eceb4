package com.careflow.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.careflow.support.AsyncSteps;
import com.careflow.support.CareFlowSpringTest;
import com.careflow.support.Tasklist;
import com.careflow.support.WebAppSession;
import com.careflow.support.Worklist;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * SPEC §5 and §7, one table: every group of the company (its demo user) against every door:
 * CareFlow's API, the report pages, Camunda's REST API (tasks, variables, history, instances,
 * deployments) and the web apps' own engine API, as Tasklist and Cockpit call it. Each cell is
 * what the person gets:
 * <ul>
 *   <li>an HTTP status: {@code 200}, {@code 201}, {@code 204}, {@code 403}, {@code 409};
 *   <li>for a search: {@code r} rows found, {@code 0} nothing visible;
 *   <li>for a customer or a form: {@code C} the customer's name and phone shown, {@code -}
 *       withheld; for a personnel form, {@code P} its personnel data shown;
 *   <li>{@code .} not tried (the administrator would change the fixture the other rows need;
 *       {@link TamperTest} covers what an administrator may do).
 * </ul>
 * A job door's cell ends in {@code !} when a refused request changed the job all the same (its
 * retries, due date, suspension, incidents or failure log, SPEC §7.9); where an allowed one did,
 * the job is put back as it was for the next cell.
 * The whole table is compared at once: a failure prints every cell that differs.
 */
@CareFlowSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest {

  private static final List<String> USERS = List.of("agent", "agent2", "csmanager", "quality",
      "rnd", "sales", "salesmanager", "office", "warehouse", "finance", "hr", "hrmanager",
      "trainer", "vp", "gm", "gmoffice", "demo");

  /**
   * Who gets what. Columns: agent agent2 csmanager quality rnd sales salesmanager office
   * warehouse finance hr hrmanager trainer vp gm gmoffice demo (camunda-admin).
   */
  private static final String EXPECTED = """
      # CareFlow's API
      api: register a complaint           201 201 201 403 403 403 403 403 403 403 403 403 403 403 403 403 403
      api: read a complaint's customer    C   C   C   -   -   C   C   C   -   -   -   -   -   C   C   C   -
      api: read a return's customer       C   C   C   C   -   C   C   C   -   -   -   -   -   C   C   C   -
      api: read agent's personnel file    200 403 200 403 403 403 403 403 403 403 200 200 403 403 200 403 403
      api: read a warehouse file          403 403 403 403 403 403 403 403 403 403 200 200 403 200 200 403 403
      api: list personnel files           403 403 200 403 403 403 200 403 403 403 200 200 403 200 200 403 403
      api: nominate agent                 403 403 201 403 403 403 403 403 403 403 403 201 403 403 201 403 403
      api: read agent's promotion         200 403 200 403 403 403 403 403 403 403 200 200 403 403 200 403 403
      api: record a certificate           403 403 403 403 403 403 403 403 403 403 201 201 403 403 403 403 403
      api: monthly report                 403 403 200 403 403 403 200 200 403 403 403 200 403 200 200 200 200
      page: monthly report                403 403 200 403 403 403 200 200 403 403 403 200 403 200 200 200 200
      api: half-year summary              403 403 200 403 403 403 200 200 403 403 403 200 403 200 200 200 200
      page: half-year summary             403 403 200 403 403 403 200 200 403 403 403 200 403 200 200 200 200
      api: list undelivered notices       403 403 200 403 403 403 200 403 403 403 403 403 403 403 403 403 403
      page: undelivered notices           403 403 200 403 403 403 200 403 403 403 403 403 403 403 403 403 403
      api: resend a notice (none such)    403 403 404 403 403 403 404 403 403 403 403 403 403 403 403 403 403
      api: read my notice settings        200 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200
      api: choose my task mail            200 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200
      # Camunda's REST API: tasks
      rest: see the complaint's tasks     r   r   r   0   0   0   r   0   0   0   0   0   0   r   r   r   r
      rest: open work per department      403 403 200 403 403 403 200 403 403 403 403 200 403 200 200 200 200
      rest: search tasks by case data     403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 200
      rest: read the triage form          C   C   C   403 403 403 C   403 403 403 403 403 403 C   C   C   C
      rest: read the goods receipt form   403 403 C   403 403 403 C   403 -   403 403 403 403 C   C   C   C
      rest: read the receivable's form    403 403 C   403 403 C   C   403 403 403 403 403 403 C   C   C   C
      rest: read the receivable's data    403 403 C   403 403 C   C   403 403 403 403 403 403 C   C   C   C
      rest: claim the receivable          403 403 403 403 403 204 403 403 403 403 403 403 403 403 403 403 204
      rest: claim the bonus exclusion     403 403 403 403 403 403 403 403 403 204 403 403 403 403 403 403 204
      rest: its tasks with their data     0   0   C   0   0   C   C   0   0   -   0   0   0   C   C   C   C
      rest: all my tasks with their data  200 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200
      rest: write a task variable         403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 204
      rest: complete triage + a decision  403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 .
      rest: claim agent's triage          204 409 403 403 403 403 403 403 403 403 403 403 403 403 403 403 409
      rest: hand agent's triage back      403 403 204 403 403 403 403 403 403 403 403 403 403 403 403 403 .
      rest: reassign agent's triage       403 403 204 403 403 403 403 403 403 403 403 403 403 403 403 403 204
      rest: overdue filter: a late case   r   r   r   0   0   0   r   0   0   0   0   0   0   r   r   r   r
      rest: claim an overdue follow-up    403 403 204 403 403 403 403 403 403 403 403 403 403 403 403 403 409
      rest: see the GM's notice task      0   0   r   0   0   0   r   0   0   0   0   0   0   r   r   r   r
      rest: claim the GM's notice task    403 403 403 403 403 403 403 403 403 403 403 403 403 403 204 403 204
      rest: see a joint handling          0   0   r   0   0   0   r   0   0   0   0   0   0   r   r   r   r
      rest: claim a joint handling        403 403 403 403 403 403 403 403 403 403 403 403 403 204 403 403 204
      rest: see a promised reply          0   0   r   0   0   0   r   0   0   0   0   0   0   r   r   r   r
      rest: claim a promised reply        403 403 204 403 403 403 403 403 403 403 403 403 403 403 403 403 204
      rest: see a manager's ruling        0   0   r   0   0   0   r   0   0   0   0   0   0   r   r   r   r
      rest: claim a manager's ruling      403 403 204 403 403 403 403 403 403 403 403 403 403 403 403 403 204
      rest: see a GM office decision      0   0   r   0   0   0   r   0   0   0   0   0   0   r   r   r   r
      rest: claim a GM office decision    403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 204 204
      rest: see HR's sanction task        0   0   0   0   0   0   0   0   0   0   r   r   0   0   r   0   r
      rest: read the sanction's form      403 403 403 403 403 403 403 403 403 403 P   P   403 403 P   403 P
      rest: claim the sanction task       403 403 403 403 403 403 403 403 403 403 204 403 403 403 403 403 204
      rest: see finance's deduction task  0   0   r   0   0   0   r   0   0   r   0   0   0   r   r   r   r
      rest: see department deductions    0   0   r   0   0   0   r   0   0   0   0   0   0   r   r   r   r
      rest: claim them                    403 403 204 403 403 403 403 403 403 403 403 403 403 403 403 403 204
      rest: claim the deduction task      403 403 403 403 403 403 403 403 403 204 403 403 403 403 403 403 204
      # Camunda's REST API: instances and variables
      rest: write a case variable         403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 204
      rest: move the case (modification)  403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 .
      rest: delete the case               403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 .
      rest: start a case at an activity   403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 .
      rest: see promotion instances       0   0   0   0   0   0   0   0   0   0   0   r   0   0   r   0   r
      rest: read complaint variables      0   0   r   0   0   0   r   0   0   0   0   0   0   r   r   r   r
      # Camunda's REST API: history
      rest: history of promotion data     0   0   0   0   0   0   0   0   0   0   0   r   0   0   r   0   r
      rest: history of scores by name     0   0   0   0   0   0   0   0   0   0   0   r   0   0   r   0   r
      rest: eligibility evaluations       0   0   0   0   0   0   0   0   0   0   0   r   0   0   r   0   r
      rest: history of complaint data     0   0   r   0   0   0   r   0   0   0   0   0   0   r   r   r   r
      # Camunda's REST API: deployments and identity
      rest: list deployments              0   0   r   0   0   0   r   0   0   0   0   r   0   r   r   r   r
      rest: deploy a model                403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 .
      rest: create a user                 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 .
      # Camunda's REST API: jobs (a case's deadline timer, the nightly history cleanup)
      rest: silence a deadline (retries 0)  403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 204
      rest: run a deadline now              403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 .
      rest: run the history cleanup now     403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 .
      rest: suspend a deadline              403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 204
      rest: move a deadline (due date)      403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 204
      rest: delete a deadline               403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 .
      rest: suspend the deadline's kind     403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 204
      rest: suspend the case                403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 204
      rest: retry a failed job              403 403 204 403 403 403 204 403 403 403 403 403 403 204 204 204 204
      rest: retry a failed job 1000 times  403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 204
      rest: retry a job not failed         403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 204
      # Camunda's REST API: one's own profile (name and e-mail are HR's, SPEC §7.10)
      rest: rename myself                 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 .
      web: change my e-mail               403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 .
      # The web apps' engine API (Tasklist, Cockpit)
      web: history of scores by name      0   0   0   0   0   0   0   0   0   0   0   r   0   0   r   0   r
      web: write a case variable          403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 204
      web: overdue filter: a late case    r   r   r   0   0   0   r   0   0   0   0   0   0   r   r   r   r
      web: silence a deadline             403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 204
      """;

  @LocalServerPort private int port;
  @Autowired private ObjectMapper json;
  @Autowired private ProcessEngine engine;

  private Tasklist rest;
  private final Map<String, Function<String, String>> probes = new LinkedHashMap<>();

  @BeforeAll
  void fixtures() throws Exception {
    rest = new Tasklist(port, json);
    String complaint = complaint();
    String complaintPi = Worklist.instanceOf(engine, complaint);
    String triage = Worklist.taskOf(engine, complaint, "TriageComplaint");
    String returnNumber = Worklist.returnAtTheWarehouse(engine, rest, "SO-M1");
    String receipt = Worklist.taskOf(engine, returnNumber, "ReceiveReturnedGoods");
    String promotion = rest.read(rest.send("csmanager", "POST", "/api/promotions",
        nomination())).get("id").asText();
    String promotionPi = Worklist.instanceOf(engine, promotion);
    String storeman = rest.read(rest.send("hr", "POST", "/api/employees", hire("warehouse")))
        .get("id").asText();
    String late = lateComplaint();
    String overdueFilter = engine.getFilterService().createFilterQuery().filterName("本部门逾期")
        .singleResult().getId();
    String followUp = Worklist.taskOf(engine, late, "FollowUpOverdueComplaint");
    String month = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusMonths(1).toString()
        .substring(0, 7);
    String notice = gmNotice();
    String deductions = financesDeductionTask();
    String sanction = hrsSanctionTask();
    String departmentDeductions = departmentsDeductionTask();
    String decision = gmOfficesDecisionTask(complaint);
    String ruling = managersRuling();
    String promisedReply = promisedReply();
    String jointHandling = jointHandling();
    String withheld = rest.registerComplaint("agent", "Matrix withheld payment");
    String receivable = receivable(withheld);
    String exclusion = Worklist.taskOf(engine, withheld, "ExcludeFromCollectionBonus");
    String deadline = engine.getManagementService().createJobQuery().processInstanceId(complaintPi)
        .activityId("TriageDeadlinePassed").singleResult().getId();
    String failed = failedJob();
    String cleanup = historyCleanupJob();

    probe("api: register a complaint", user -> status(rest.send(user, "POST", "/api/complaints",
        complaintBody())));
    probe("api: read a complaint's customer", user -> customer(
        rest.send(user, "GET", "/api/complaints/" + complaint, null), "customer"));
    probe("api: read a return's customer", user -> customer(
        rest.send(user, "GET", "/api/returns/" + returnNumber, null), "customer"));
    probe("api: read agent's personnel file", user -> status(
        rest.send(user, "GET", "/api/employees/EM-0000-0001", null)));
    probe("api: read a warehouse file", user -> status(
        rest.send(user, "GET", "/api/employees/" + storeman, null)));
    probe("api: list personnel files", user -> status(
        rest.send(user, "GET", "/api/employees", null)));
    probe("api: nominate agent", user -> status(
        rest.send(user, "POST", "/api/promotions", nomination())));
    probe("api: read agent's promotion", user -> status(
        rest.send(user, "GET", "/api/promotions/" + promotion, null)));
    probe("api: record a certificate", user -> status(rest.send(user, "POST", "/api/employees/"
        + storeman + "/certificates", "{\"kind\":\"INTERNAL_LECTURER\",\"issuedOn\":\""
        + LocalDate.now(ZoneId.of("Asia/Shanghai")) + "\"}")));
    probe("api: monthly report", user -> status(rest.send(user, "GET",
        "/api/reports/complaints/monthly?month=" + month, null)));
    probe("api: list undelivered notices", user -> status(rest.send(user, "GET",
        "/api/notices?status=FAILED", null)));
    probe("page: undelivered notices", user -> status(rest.send(user, "GET", "/reports/notices",
        null)));
    probe("api: resend a notice (none such)", user -> status(rest.send(user, "POST",
        "/api/notices/999999999/resend", null)));
    probe("api: read my notice settings", user -> status(rest.send(user, "GET",
        "/api/me/notifications", null)));
    probe("api: choose my task mail", user -> status(rest.send(user, "PUT",
        "/api/me/notifications", "{\"taskEmail\": false}")));
    probe("page: monthly report", user -> status(rest.send(user, "GET",
        "/reports/complaints/monthly?month=" + month, null)));
    probe("api: half-year summary", user -> status(rest.send(user, "GET",
        "/api/reports/complaints/half-year?until=" + month, null)));
    probe("page: half-year summary", user -> status(rest.send(user, "GET",
        "/reports/complaints/half-year?until=" + month, null)));

    probe("rest: see the complaint's tasks", user -> rows(rest.send(user, "GET",
        "/engine-rest/task?processInstanceId=" + complaintPi, null)));
    probe("rest: open work per department", user -> status(rest.send(user, "GET",
        "/engine-rest/task/report/candidate-group-count", null)));
    probe("rest: search tasks by case data", user -> status(rest.send(user, "GET",
        "/engine-rest/task?processVariables=customerPhone_like_139%25", null)));
    probe("rest: read the triage form", user -> form(rest.send(user, "GET",
        "/engine-rest/task/" + triage + "/form-variables", null)));
    probe("rest: read the goods receipt form", user -> form(rest.send(user, "GET",
        "/engine-rest/task/" + receipt + "/form-variables", null)));
    probe("rest: read the receivable's form", user -> form(rest.send(user, "GET",
        "/engine-rest/task/" + receivable + "/form-variables", null)));
    probe("rest: read the receivable's data", user -> form(rest.send(user, "GET",
        "/engine-rest/task/" + receivable + "/variables", null)));
    probe("rest: claim the receivable", user -> claimAndPutBack(user, receivable));
    probe("rest: claim the bonus exclusion", user -> claimAndPutBack(user, exclusion));
    probe("rest: its tasks with their data", user -> tasksWithData(rest.send(user, "GET",
        "/engine-rest/task?processInstanceBusinessKey=" + withheld
            + "&withTaskVariablesInReturn=true", null)));
    probe("rest: all my tasks with their data", user -> status(rest.send(user, "GET",
        "/engine-rest/task?withTaskVariablesInReturn=true&maxResults=500", null)));
    probe("rest: write a task variable", user -> status(rest.send(user, "POST",
        "/engine-rest/task/" + triage + "/variables",
        "{\"modifications\":{\"probe\":{\"value\":\"" + user + "\",\"type\":\"String\"}}}")));
    probe("rest: complete triage + a decision", user -> skipForAdmin(user, () -> status(
        rest.tryComplete(user, triage, Map.of("complaintValid", true, "severe", false, "category",
            "PRODUCT_QUALITY", "specialCase", false, "important", false, "triageNote", "x",
            "approved", true)))));
    probe("rest: claim agent's triage", user -> status(rest.send(user, "POST",
        "/engine-rest/task/" + triage + "/claim", "{\"userId\":\"" + user + "\"}")));
    probe("rest: hand agent's triage back", user -> skipForAdmin(user, () -> {
      String answer = status(rest.send(user, "POST", "/engine-rest/task/" + triage
          + "/unclaim", null));
      engine.getTaskService().setAssignee(triage, "agent"); // as it was, for the next cells
      return answer;
    }));
    probe("rest: reassign agent's triage", user -> status(rest.send(user, "POST",
        "/engine-rest/task/" + triage + "/assignee", "{\"userId\":\"agent\"}")));

    probe("rest: overdue filter: a late case", user -> rows(rest.send(user, "POST",
        "/engine-rest/filter/" + overdueFilter + "/list",
        "{\"processInstanceBusinessKey\":\"" + late + "\"}")));
    probe("rest: claim an overdue follow-up", user -> status(rest.send(user, "POST",
        "/engine-rest/task/" + followUp + "/claim", "{\"userId\":\"" + user + "\"}")));

    probe("rest: see the GM's notice task", user -> rows(rest.send(user, "GET",
        "/engine-rest/task?taskId=" + notice, null)));
    probe("rest: claim the GM's notice task", user -> claimAndPutBack(user, notice));

    probe("rest: see a joint handling", user -> rows(rest.send(user, "GET",
        "/engine-rest/task?taskId=" + jointHandling, null)));
    probe("rest: claim a joint handling", user -> claimAndPutBack(user, jointHandling));
    probe("rest: see a promised reply", user -> rows(rest.send(user, "GET",
        "/engine-rest/task?taskId=" + promisedReply, null)));
    probe("rest: claim a promised reply", user -> claimAndPutBack(user, promisedReply));
    probe("rest: see a manager's ruling", user -> rows(rest.send(user, "GET",
        "/engine-rest/task?taskId=" + ruling, null)));
    probe("rest: claim a manager's ruling", user -> claimAndPutBack(user, ruling));
    probe("rest: see a GM office decision", user -> rows(rest.send(user, "GET",
        "/engine-rest/task?taskId=" + decision, null)));
    probe("rest: claim a GM office decision", user -> claimAndPutBack(user, decision));
    probe("rest: see HR's sanction task", user -> rows(rest.send(user, "GET",
        "/engine-rest/task?taskId=" + sanction, null)));
    probe("rest: read the sanction's form", user -> personnel(rest.send(user, "GET",
        "/engine-rest/task/" + sanction + "/form-variables", null)));
    probe("rest: claim the sanction task", user -> claimAndPutBack(user, sanction));
    probe("rest: see department deductions", user -> rows(rest.send(user, "GET",
        "/engine-rest/task?taskId=" + departmentDeductions, null)));
    probe("rest: claim them", user -> claimAndPutBack(user, departmentDeductions));
    probe("rest: see finance's deduction task", user -> rows(rest.send(user, "GET",
        "/engine-rest/task?taskId=" + deductions, null)));
    probe("rest: claim the deduction task", user -> claimAndPutBack(user, deductions));
    probe("rest: write a case variable", user -> status(rest.send(user, "PUT",
        "/engine-rest/process-instance/" + complaintPi + "/variables/probe",
        "{\"value\":\"" + user + "\",\"type\":\"String\"}")));
    probe("rest: move the case (modification)", user -> skipForAdmin(user, () -> status(
        rest.send(user, "POST", "/engine-rest/process-instance/" + complaintPi
            + "/modification", "{\"instructions\":[{\"type\":\"startBeforeActivity\","
            + "\"activityId\":\"RecordFeedback\"}]}"))));
    probe("rest: delete the case", user -> skipForAdmin(user, () -> status(rest.send(user,
        "DELETE", "/engine-rest/process-instance/" + complaintPi, null))));
    probe("rest: start a case at an activity", user -> skipForAdmin(user, () -> status(
        rest.send(user, "POST", "/engine-rest/process-definition/key/complaint-handling/start",
            "{\"startInstructions\":[{\"type\":\"startBeforeActivity\","
                + "\"activityId\":\"RecordFeedback\"}]}"))));
    probe("rest: see promotion instances", user -> rows(rest.send(user, "GET",
        "/engine-rest/process-instance?processDefinitionKey=staff-promotion", null)));
    probe("rest: read complaint variables", user -> rows(rest.send(user, "GET",
        "/engine-rest/variable-instance?processInstanceIdIn=" + complaintPi, null)));

    probe("rest: history of promotion data", user -> rows(rest.send(user, "GET",
        "/engine-rest/history/variable-instance?processInstanceId=" + promotionPi, null)));
    probe("rest: history of scores by name", user -> rows(rest.send(user, "GET",
        "/engine-rest/history/variable-instance?variableName=avgPerformanceScore", null)));
    probe("rest: eligibility evaluations", user -> rows(rest.send(user, "GET",
        "/engine-rest/history/decision-instance?decisionDefinitionKey=promotion-eligibility",
        null)));
    probe("rest: history of complaint data", user -> rows(rest.send(user, "GET",
        "/engine-rest/history/variable-instance?processInstanceId=" + complaintPi, null)));

    probe("rest: list deployments", user -> rows(rest.send(user, "GET",
        "/engine-rest/deployment", null)));
    probe("rest: deploy a model", user -> skipForAdmin(user, () -> status(rest.send(user,
        "POST", "/engine-rest/deployment/create", "multipart/form-data; boundary=matrix",
        "--matrix\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nrogue\r\n"
            + "--matrix\r\nContent-Disposition: form-data; name=\"data\"; filename=\"rogue.dmn\""
            + "\r\nContent-Type: application/xml\r\n\r\n<definitions xmlns=\"https://www.omg.org"
            + "/spec/DMN/20191111/MODEL/\" id=\"d\" name=\"d\" namespace=\"x\"/>\r\n"
            + "--matrix--\r\n"))));
    probe("rest: create a user", user -> skipForAdmin(user, () -> status(rest.send(user, "POST",
        "/engine-rest/user/create", "{\"profile\":{\"id\":\"madeby" + user + "\"},"
            + "\"credentials\":{\"password\":\"Made-up-password-1\"}}"))));

    probe("rest: silence a deadline (retries 0)", user -> job(deadline, rest.send(user, "PUT",
        "/engine-rest/job/" + deadline + "/retries", "{\"retries\":0}")));
    probe("rest: run a deadline now", user -> skipForAdmin(user, () -> job(deadline,
        rest.send(user, "POST", "/engine-rest/job/" + deadline + "/execute", null))));
    probe("rest: run the history cleanup now", user -> skipForAdmin(user, () -> job(cleanup,
        rest.send(user, "POST", "/engine-rest/job/" + cleanup + "/execute", null))));
    probe("rest: suspend a deadline", user -> job(deadline, rest.send(user, "PUT",
        "/engine-rest/job/" + deadline + "/suspended", "{\"suspended\":true}")));
    probe("rest: move a deadline (due date)", user -> job(deadline, rest.send(user, "PUT",
        "/engine-rest/job/" + deadline + "/duedate", "{\"duedate\":\"2999-01-01T00:00:00.000"
            + "+0800\"}")));
    probe("rest: delete a deadline", user -> skipForAdmin(user, () -> job(deadline,
        rest.send(user, "DELETE", "/engine-rest/job/" + deadline, null))));
    probe("rest: suspend the deadline's kind", user -> job(deadline, rest.send(user, "PUT",
        "/engine-rest/job-definition/" + jobDefinitionOf(deadline) + "/suspended",
        "{\"suspended\":true,\"includeJobs\":true}")));
    probe("rest: suspend the case", user -> job(deadline, rest.send(user, "PUT",
        "/engine-rest/process-instance/" + complaintPi + "/suspended", "{\"suspended\":true}")));
    probe("rest: retry a failed job", user -> job(failed, rest.send(user, "PUT",
        "/engine-rest/job/" + failed + "/retries", "{\"retries\":1}")));
    probe("rest: retry a failed job 1000 times", user -> job(failed, rest.send(user, "PUT",
        "/engine-rest/job/" + failed + "/retries", "{\"retries\":1000}")));
    probe("rest: retry a job not failed", user -> job(deadline, rest.send(user, "PUT",
        "/engine-rest/job/" + deadline + "/retries", "{\"retries\":5}")));
    probe("web: silence a deadline", user -> job(deadline, web(user, "PUT",
        "/job/" + deadline + "/retries", "{\"retries\":0}")));

    probe("rest: rename myself", user -> skipForAdmin(user, () -> status(rest.send(user, "PUT",
        "/engine-rest/user/" + user + "/profile", "{\"id\":\"" + user + "\",\"firstName\":"
            + "\"Someone\",\"lastName\":\"Else\",\"email\":\"x@example.com\"}"))));
    probe("web: change my e-mail", user -> skipForAdmin(user, () -> {
      var profile = engine.getIdentityService().createUserQuery().userId(user).singleResult();
      return status(web(user, "PUT", "/user/" + user + "/profile", "{\"id\":\"" + user
          + "\",\"firstName\":\"" + profile.getFirstName() + "\",\"lastName\":\""
          + profile.getLastName() + "\",\"email\":\"mine@example.com\"}"));
    }));
    probe("web: history of scores by name", user -> rows(web(user, "GET",
        "/history/variable-instance?variableName=avgPerformanceScore", null)));
    probe("web: overdue filter: a late case", user -> rows(web(user, "POST",
        "/filter/" + overdueFilter + "/list",
        "{\"processInstanceBusinessKey\":\"" + late + "\"}")));
    probe("web: write a case variable", user -> status(web(user, "PUT",
        "/process-instance/" + complaintPi + "/variables/probe",
        "{\"value\":\"web-" + user + "\",\"type\":\"String\"}")));
  }

  @Test
  void everyGroupGetsWhatSpecSevenSaysAtEveryDoor() {
    List<String> differences = new ArrayList<>();
    StringBuilder actualTable = new StringBuilder();
    for (String line : EXPECTED.lines().toList()) {
      if (line.isBlank() || line.strip().startsWith("#")) {
        continue;
      }
      String[] parts = line.strip().split("\\s{2,}", 2);
      String action = parts[0];
      String[] expected = parts[1].trim().split("\\s+");
      assertThat(expected).as(action).hasSize(USERS.size());
      Function<String, String> probe = probes.get(action);
      assertThat(probe).as("a probe for " + action).isNotNull();
      StringBuilder row = new StringBuilder(String.format("%-36s", action));
      for (int i = 0; i < USERS.size(); i++) {
        String got = probe.apply(USERS.get(i));
        row.append(String.format(" %-3s", got));
        if (!got.equals(expected[i])) {
          differences.add(action + " / " + USERS.get(i) + ": expected " + expected[i]
              + ", got " + got);
        }
      }
      actualTable.append(row).append('\n');
    }
    assertThat(probes).as("every probe has its row").hasSize(
        (int) EXPECTED.lines().filter(line -> !line.isBlank() && !line.strip().startsWith("#"))
            .count());
    assertThat(differences).as("what each group got:\n" + actualTable).isEmpty();
  }

  private void probe(String action, Function<String, String> probe) {
    probes.put(action, probe);
  }

  /** A claim's answer; the task is put back unclaimed for the next cells. */
  private String claimAndPutBack(String user, String taskId) {
    String answer = status(rest.send(user, "POST", "/engine-rest/task/" + taskId + "/claim",
        "{\"userId\":\"" + user + "\"}"));
    engine.getTaskService().setAssignee(taskId, null);
    return answer;
  }

  private static String skipForAdmin(String user, java.util.function.Supplier<String> probe) {
    return user.equals("demo") ? "." : probe.get();
  }

  private static String status(HttpResponse<String> response) {
    return Integer.toString(response.statusCode());
  }

  private String rows(HttpResponse<String> response) {
    if (response.statusCode() != 200) {
      return status(response);
    }
    return rest.read(response).isEmpty() ? "0" : "r";
  }

  /** Whether the answer shows the customer's phone: C, or - when withheld. */
  private String customer(HttpResponse<String> response, String field) {
    if (response.statusCode() != 200) {
      return status(response);
    }
    JsonNode phone = rest.read(response).path(field).path("phone");
    return phone.isTextual() ? "C" : "-";
  }

  /** Whether a task's form variables show the customer: C, or - when the form has no customer. */
  private String form(HttpResponse<String> response) {
    if (response.statusCode() != 200) {
      return status(response);
    }
    return rest.read(response).has("customerPhone") ? "C" : "-";
  }

  /**
   * A job door's answer: its status, with {@code !} when it was refused and yet the job changed
   * (SPEC §7.9). A job an allowed request changed is put back as it was for the next cell.
   */
  private String job(String jobId, HttpResponse<String> response) {
    JobState before = jobStates.computeIfAbsent(jobId, this::jobState);
    JobState after = jobState(jobId);
    String status = status(response);
    if (after.equals(before)) {
      return status;
    }
    if (response.statusCode() >= 300) {
      return status + "!";
    }
    restore(jobId, before, after);
    return status;
  }

  /** What a person could change of a job, and what its failures leave behind. */
  private record JobState(int retries, Date dueDate, boolean suspended, boolean definitionActive,
      boolean caseActive, long incidents, long failuresLogged) {}

  private final Map<String, JobState> jobStates = new HashMap<>();

  private JobState jobState(String jobId) {
    org.camunda.bpm.engine.runtime.Job job = engine.getManagementService().createJobQuery()
        .jobId(jobId).singleResult();
    return new JobState(job.getRetries(), job.getDuedate(), job.isSuspended(),
        job.getJobDefinitionId() == null || engine.getManagementService()
            .createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId()).active()
            .count() == 1,
        job.getProcessInstanceId() == null || engine.getRuntimeService()
            .createProcessInstanceQuery().processInstanceId(job.getProcessInstanceId()).active()
            .count() == 1,
        engine.getRuntimeService().createIncidentQuery().configuration(jobId).count(),
        engine.getHistoryService().createHistoricJobLogQuery().jobId(jobId).failureLog()
            .count());
  }

  private void restore(String jobId, JobState before, JobState after) {
    var jobs = engine.getManagementService();
    var job = jobs.createJobQuery().jobId(jobId).singleResult();
    if (after.caseActive() != before.caseActive()) {
      engine.getRuntimeService().activateProcessInstanceById(job.getProcessInstanceId());
    }
    if (after.definitionActive() != before.definitionActive()) {
      jobs.activateJobDefinitionById(job.getJobDefinitionId(), true);
    }
    if (after.suspended() != before.suspended()) {
      jobs.activateJobById(jobId);
    }
    jobs.setJobRetries(jobId, before.retries());
    jobs.setJobDuedate(jobId, before.dueDate());
    assertThat(jobState(jobId)).as("job " + jobId + " put back").isEqualTo(before);
  }

  private String jobDefinitionOf(String jobId) {
    return engine.getManagementService().createJobQuery().jobId(jobId).singleResult()
        .getJobDefinitionId();
  }

  /** A complaint's deadline timer that has failed: no retries left, an incident in Cockpit. */
  private String failedJob() {
    String number = rest.registerComplaint("agent", "Matrix failed job");
    String jobId = engine.getManagementService().createJobQuery()
        .processInstanceId(Worklist.instanceOf(engine, number))
        .activityId("TriageDeadlinePassed").singleResult().getId();
    engine.getManagementService().setJobRetries(jobId, 0);
    return jobId;
  }

  /** The engine's nightly history cleanup job (SPEC §1.9 retention). */
  private String historyCleanupJob() {
    List<org.camunda.bpm.engine.runtime.Job> jobs = engine.getHistoryService()
        .findHistoryCleanupJobs();
    return (jobs.isEmpty() ? engine.getHistoryService().cleanUpHistoryAsync() : jobs.get(0))
        .getId();
  }

  /**
   * A task list with each task's variables: {@code C} when a task shows the customer, {@code -}
   * when none does, {@code 0} no task visible.
   */
  private String tasksWithData(HttpResponse<String> response) {
    if (response.statusCode() != 200) {
      return status(response);
    }
    JsonNode tasks = rest.read(response);
    if (tasks.isEmpty()) {
      return "0";
    }
    for (JsonNode task : tasks) {
      if (task.path("variables").has("customerPhone")) {
        return "C";
      }
    }
    return "-";
  }

  /**
   * The salesperson's "Collect the receivable" (SPEC §1.9): the agent found the complaint unjustified
   * and the customer had withheld a payment.
   */
  private String receivable(String number) {
    String triage = Worklist.taskOf(engine, number, "TriageComplaint");
    HttpResponse<String> done = rest.tryComplete("agent", triage, Map.of("complaintValid", false,
        "triageNote", "Stored in the sun.", "severe", false, "important", false,
        "paymentWithheld", true, "withheldAmount", 1200.0));
    assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
    Worklist.ruleOnTheComplaint(engine, number, false, "Stored in the sun.");
    AsyncSteps.runDue(engine, number);
    return Worklist.taskOf(engine, number, "RecoverReceivable");
  }

  private final Map<String, WebAppSession> sessions = new HashMap<>();

  private HttpResponse<String> web(String user, String method, String path, String body) {
    try {
      WebAppSession session = sessions.get(user);
      if (session == null) {
        session = new WebAppSession(port);
        assertThat(session.login(user, "demo", "tasklist", true).statusCode()).isEqualTo(200);
        // as the app does after signing in: a first read, which hands the session's CSRF token
        assertThat(session.engine("GET", "/task/count", null).statusCode()).isEqualTo(200);
        sessions.put(user, session);
      }
      return session.engine(method, path, body);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private String complaint() {
    return rest.registerComplaint("agent", "Matrix");
  }

  /**
   * A complaint whose triage ran past its deadline (issue 16): the triage is overdue and the
   * customer-service managers have a follow-up task.
   */
  private String lateComplaint() {
    String number = rest.registerComplaint("agent", "Matrix late");
    Task triage = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(number)
        .singleResult();
    triage.setDueDate(Date.from(Instant.now().minusSeconds(3600)));
    engine.getTaskService().saveTask(triage);
    String instance = Worklist.instanceOf(engine, number);
    engine.getManagementService().executeJob(engine.getManagementService().createJobQuery()
        .processInstanceId(instance).activityId("TriageDeadlinePassed").singleResult().getId());
    AsyncSteps.runDue(engine, number);
    return number;
  }

  /**
   * The general manager's approval of a monthly review's reward and penalty notice (SPEC
   * §1.10): a review of January 2024, compiled and approved by the GM office.
   */
  private String gmNotice() {
    String instance = engine.getRuntimeService().startProcessInstanceByKey(
        "complaint-monthly-review", Map.of("reportMonth", "2024-01")).getId();
    engine.getManagementService().executeJob(engine.getManagementService().createJobQuery()
        .processInstanceId(instance).singleResult().getId());
    Task review = engine.getTaskService().createTaskQuery().processInstanceId(instance)
        .taskDefinitionKey("ReviewMonthlyReport").singleResult();
    engine.getTaskService().complete(review.getId(), Map.of("approved", true));
    return engine.getTaskService().createTaskQuery().processInstanceId(instance)
        .taskDefinitionKey("ApproveRewardPenaltyNotice").singleResult().getId();
  }

  /**
   * Customer service's "Carry out the deductions in your department" of a monthly review (SPEC
   * §1.10), reached directly: a review of March 2024 with one deduction in customer service.
   */
  private String departmentsDeductionTask() {
    String instance = engine.getRuntimeService().createProcessInstanceByKey(
            "complaint-monthly-review").businessKey("REVIEW-2024-03")
        .setVariable("reportMonth", "2024-03")
        .setVariable("penalisedDepartments", new java.util.ArrayList<>(List.of("customer-service")))
        .setVariable("departmentNotices", new HashMap<>(Map.of("customer-service",
            "Zhao Lei (EM-0000-0002): 100.00 CNY — CP-2403-0001")))
        .setVariable("departmentManagers", new HashMap<>(Map.of("customer-service",
            "cs-managers")))
        .startBeforeActivity("CarryOutDeductions#multiInstanceBody").execute().getId();
    return engine.getTaskService().createTaskQuery().processInstanceId(instance)
        .taskDefinitionKey("CarryOutDeductions").singleResult().getId();
  }

  /**
   * The vice president's "Handle the outside party's responsibility jointly" (SPEC §1.4): sales
   * charged a complaint not about quality to the carrier.
   */
  private String jointHandling() {
    String number = rest.registerComplaint("agent", "Matrix carrier");
    engine.getTaskService().complete(Worklist.taskOf(engine, number, "TriageComplaint"), Map.of(
        "complaintValid", true, "category", "NON_QUALITY", "specialCase", false,
        "severe", false, "important", false, "triageNote", "The carrier."));
    AsyncSteps.runGateways(engine, Worklist.instanceOf(engine, number));
    engine.getTaskService().complete(Worklist.taskOf(engine, number, "ProposeRemedy"), Map.of(
        "remedy", "NONE", "remedyNote", "Apologies.", "responsibleKind", "EXTERNAL",
        "responsibleParty", "carrier"));
    return Worklist.taskOf(engine, number, "HandleWithOutsideParty");
  }

  /**
   * A customer-service manager's "Tell the customer whether the suggestion is adopted" (SPEC
   * §1.2): a suggestion whose customer was promised a reply.
   */
  private String promisedReply() {
    HttpResponse<String> registered = rest.send("agent", "POST", "/api/complaints",
        rest.complaintBody("Matrix suggestion").replace("\"COMPLAINT\"", "\"SUGGESTION\""));
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    String number = rest.read(registered).get("number").asText();
    String review = Worklist.taskOf(engine, number, "ReviewSuggestion");
    engine.getTaskService().complete(review, Map.of("adopted", true, "replyNeeded", true,
        "replyBy", LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(7).toString(),
        "managerComment", "Thank you."));
    AsyncSteps.runDue(engine, number);
    return Worklist.taskOf(engine, number, "ConfirmSuggestionReply");
  }

  /**
   * A customer-service manager's "Rule on accepting the complaint" (SPEC §1.4): the agent found
   * a complaint unjustified.
   */
  private String managersRuling() {
    String number = rest.registerComplaint("agent", "Matrix ruling");
    HttpResponse<String> done = rest.tryComplete("agent", Worklist.taskOf(engine, number,
        "TriageComplaint"), Map.of("complaintValid", false, "triageNote", "Customer's fault.",
        "severe", false, "important", false, "paymentWithheld", false));
    assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
    AsyncSteps.runGateways(engine, Worklist.instanceOf(engine, number));
    return Worklist.taskOf(engine, number, "RuleOnComplaint");
  }

  /**
   * The GM office's "Decide responsibility" on one upheld complaint of a monthly review (SPEC
   * §1.10), reached directly: a review of April 2024 with {@code complaint} to decide.
   */
  private String gmOfficesDecisionTask(String complaint) {
    String instance = engine.getRuntimeService().createProcessInstanceByKey(
            "complaint-monthly-review").businessKey("REVIEW-2024-04")
        .setVariable("reportMonth", "2024-04")
        .setVariable("reviewDueAt", Date.from(Instant.now().plusSeconds(86_400)))
        .setVariable("casesToDecide", new java.util.ArrayList<>(List.of(complaint)))
        .startBeforeActivity("DecideResponsibility#multiInstanceBody").execute().getId();
    return engine.getTaskService().createTaskQuery().processInstanceId(instance)
        .taskDefinitionKey("DecideResponsibility").singleResult().getId();
  }

  /** HR's "Publish the administrative sanction" of a warning to agent2 (SPEC §1.10, §8.3). */
  private String hrsSanctionTask() {
    String instance = engine.getRuntimeService().startProcessInstanceByKey(
        "sanction-publication", "CP-MATRIX-SANCTION", Map.of("employeeId", "EM-0000-0002",
            "employeeName", "Zhao Lei", "kind", "WARNING", "reason", "Matrix: rude",
            "sourceCase", "CP-MATRIX-SANCTION", "decidedBy", "management-office")).getId();
    return engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult()
        .getId();
  }

  /** Whether a task's form variables show personnel data (a sanction's reason): P, or -. */
  private String personnel(HttpResponse<String> response) {
    if (response.statusCode() != 200) {
      return status(response);
    }
    return rest.read(response).has("reason") ? "P" : "-";
  }

  /**
   * Finance's "Apply the bonus deductions" of a monthly review (SPEC §1.10), reached directly:
   * a review of February 2024, whose notice the general manager approved.
   */
  private String financesDeductionTask() {
    String instance = engine.getRuntimeService().createProcessInstanceByKey(
            "complaint-monthly-review").businessKey("REVIEW-2024-02")
        .setVariable("reportMonth", "2024-02")
        .setVariable("penaltySummary", "customer-service / EM-0000-0002: 1 point, bonus "
            + "deduction 100.00 CNY — CP-2402-0001")
        .startBeforeActivity("ApplyBonusDeductions").execute().getId();
    return engine.getTaskService().createTaskQuery().processInstanceId(instance)
        .taskDefinitionKey("ApplyBonusDeductions").singleResult().getId();
  }

  private String complaintBody() {
    return rest.complaintBody("Matrix");
  }

  private static String nomination() {
    return """
        {"employeeId":"EM-0000-0001","promotionType":"POSITION","track":"PERIODIC",
         "targetGrade":3,"targetPosition":"Team lead","evaluation":"e","selfReport":"s",
         "supervisorRecommendation":"r"}""";
  }

  private static String hire(String department) {
    return """
        {"name":"Matrix Storeman","userId":"m%s","department":"%s","position":"Clerk",
         "startDate":"%s","mentor":"agent"}""".formatted(Long.toString(System.nanoTime(), 36),
        department, LocalDate.now(ZoneId.of("Asia/Shanghai")));
  }
}
