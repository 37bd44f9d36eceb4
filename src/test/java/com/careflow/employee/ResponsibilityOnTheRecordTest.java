package com.careflow.employee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.careflow.employee.EmployeeRecords.Hire;
import com.careflow.numbering.CaseNumbers.CaseNumber;
import com.careflow.support.Tasklist;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.careflow.support.CareFlowSpringTest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * SPEC §8.3: the person and department responsible are chosen from CareFlow's records, not
 * typed, and a procedure's disciplinary action lands on that employee's record with its source
 * case. The people-side beans the complaint model calls ({@code staffChoices},
 * {@code recordDisciplinaryAction}) are driven here through small models of their own, as the
 * complaint model wires them, over Camunda's REST API as Tasklist uses it.
 */
@CareFlowSpringTest
class ResponsibilityOnTheRecordTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final AtomicInteger SERIAL = new AtomicInteger();

  @LocalServerPort private int port;
  @Autowired private ObjectMapper json;
  @Autowired private ProcessEngine engine;
  @Autowired private EmployeeRecords records;
  @Autowired private StaffChoices choices;

  private Tasklist tasklist;
  private String deployment;

  @BeforeEach
  void connect() {
    tasklist = new Tasklist(port, json);
  }

  @AfterEach
  void undeploy() {
    if (deployment != null) {
      engine.getRepositoryService().deleteDeployment(deployment, true);
    }
  }

  @Test
  void theChoicesAreTheDepartmentsByNameAndTheCurrentEmployees() throws Exception {
    String leaver = hire("Qian Leaver", "warehouse");
    records.leave(leaver, LocalDate.now(SHANGHAI), "Moved away");
    JsonNode departments = json.readTree(choices.departments().toString());
    assertThat(departments).extracting(option -> option.get("value").asText())
        .startsWith("customer-service", "quality", "rnd", "sales", "management-office");
    assertThat(departments.get(0).get("label").asText()).isEqualTo("客户服务部");
    JsonNode employees = json.readTree(choices.employees().toString());
    assertThat(employees).anySatisfy(option -> {
      assertThat(option.get("value").asText()).isEqualTo("EM-0000-0002");
      assertThat(option.get("label").asText())
          .isEqualTo("Zhao Lei (DEMO agent) (客户服务部, EM-0000-0002)");
    });
    assertThat(employees).extracting(option -> option.get("value").asText())
        .as("only current employees").doesNotContain(leaver);
  }

  @Test
  void aSelectFedByTheTaskTakesOnlyAnIdTheTaskOffered() throws Exception {
    deploy(Bpmn.createExecutableProcess("choose-responsible").camundaHistoryTimeToLive(1)
        .startEvent().userTask("RecordResponsibility").camundaFormRef("record-responsibility")
        .camundaFormRefBinding("latest").camundaCandidateGroups("management-office")
        .camundaInputParameter("departmentOptions", "${staffChoices.departments()}")
        .camundaInputParameter("employeeOptions", "${staffChoices.employees()}")
        .endEvent().done());
    ProcessInstance pi = engine.getRuntimeService()
        .startProcessInstanceByKey("choose-responsible", "CP-TEST-0001");
    JsonNode task = tasklist.claim("office", "CP-TEST-0001", "RecordResponsibility");
    String taskId = task.get("id").asText();

    JsonNode shown = tasklist.read(tasklist.send("office", "GET",
        "/engine-rest/task/" + taskId + "/form-variables?deserializeValues=false", null));
    assertThat(shown.get("employeeOptions").get("type").asText())
        .as("Tasklist reads the options as JSON").isEqualTo("Json");
    assertThat(shown.get("employeeOptions").get("value").asText()).contains("EM-0000-0002");
    assertThat(shown.get("departmentOptions").get("value").asText()).contains("customer-service");

    Map<String, Object> answers = new HashMap<>(Map.of("responsibleDepartment", "customer-service",
        "responsiblePerson", "EM-9999-9999", "disciplinaryKind", "WARNING",
        "disciplinaryResult", "Warned for the tone on the phone."));
    HttpResponse<String> typed = tasklist.tryComplete("office", taskId, answers);
    assertThat(typed.statusCode()).as(typed.body()).isEqualTo(400);
    assertThat(typed.body()).contains("responsiblePerson must be one of [EM-")
        .doesNotContain("EM-9999-9999");
    answers.put("responsiblePerson", "EM-0000-0002");
    answers.put("responsibleDepartment", "Customer Service Dept.");
    assertThat(tasklist.tryComplete("office", taskId, answers).body())
        .contains("responsibleDepartment must be one of");
    answers.put("responsibleDepartment", "customer-service");
    answers.put("disciplinaryKind", "FINE");
    assertThat(tasklist.tryComplete("office", taskId, answers).body())
        .contains("disciplinaryKind must be one of");
    answers.put("disciplinaryKind", "DEMERIT");
    HttpResponse<String> smuggled = tasklist.tryComplete("office", taskId,
        Map.of("employeeOptions", "[{\"label\":\"Me\",\"value\":\"EM-9999-9999\"}]"));
    assertThat(smuggled.statusCode()).as("the options are the task's, not the person's")
        .isEqualTo(403);

    tasklist.complete("office", task, answers);
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(pi.getId()).variableName("responsiblePerson").singleResult()
        .getValue()).isEqualTo("EM-0000-0002");
  }

  @Test
  void aProceduresActionIsOnTheFileWithItsSourceCaseOnceHoweverOftenTheStepRuns()
      throws Exception {
    String employee = hire("Sun Li", "customer-service");
    deploy(Bpmn.createExecutableProcess("record-action").camundaHistoryTimeToLive(1)
        .startEvent().serviceTask("RecordDisciplinaryAction").camundaAsyncBefore()
        .camundaDelegateExpression("${recordDisciplinaryAction}")
        .camundaInputParameter("employeeId", "${responsiblePerson}")
        .camundaInputParameter("kind", "${disciplinaryKind}")
        .camundaInputParameter("reason", "${disciplinaryResult}")
        .camundaInputParameter("sourceCase", "${complaintNumber}")
        .camundaInputParameter("decidedBy", "management-office")
        .endEvent().done());
    Map<String, Object> result = Map.of("responsiblePerson", employee,
        "disciplinaryKind", "DEMERIT", "disciplinaryResult", "Hung up on the customer.",
        "complaintNumber", "CP-2611-0042");
    for (int run = 0; run < 2; run++) { // the step again, as a retry or a modification would
      runAsync(engine.getRuntimeService().startProcessInstanceByKey("record-action", result));
    }

    JsonNode file = tasklist.read(tasklist.send("hr", "GET", "/api/employees/" + employee, null))
        .get("file");
    assertThat(file.get("disciplinaryActions")).singleElement().satisfies(action -> {
      assertThat(action.get("kind").asText()).isEqualTo("DEMERIT");
      assertThat(action.get("reason").asText()).isEqualTo("Hung up on the customer.");
      assertThat(action.get("sourceCase").asText()).isEqualTo("CP-2611-0042");
      assertThat(action.get("recordedBy").asText()).isEqualTo("management-office");
      assertThat(action.get("actionOn").asText()).isEqualTo(LocalDate.now(SHANGHAI).toString());
    });

    ProcessInstance unknown = engine.getRuntimeService().startProcessInstanceByKey(
        "record-action", Map.of("responsiblePerson", "Zhang San", "disciplinaryKind", "WARNING",
            "disciplinaryResult", "Late", "complaintNumber", "CP-2611-0043"));
    Job job = engine.getManagementService().createJobQuery().processInstanceId(unknown.getId())
        .singleResult();
    assertThatThrownBy(() -> engine.getManagementService().executeJob(job.getId()))
        .as("a name typed before this version is an incident, not a lost action")
        .hasMessageContaining("employeeId Zhang San is not an employee record");
    Map<String, Object> badKind = new HashMap<>(result);
    badKind.put("disciplinaryKind", "FINE");
    ProcessInstance fine = engine.getRuntimeService().startProcessInstanceByKey("record-action",
        badKind);
    Job fineJob = engine.getManagementService().createJobQuery().processInstanceId(fine.getId())
        .singleResult();
    assertThatThrownBy(() -> engine.getManagementService().executeJob(fineJob.getId()))
        .hasMessageContaining("kind FINE is not one of [WARNING, DEMERIT, MAJOR_DEMERIT]");
    assertThat(records.history(employee).disciplinaryActions()).hasSize(1);
  }

  @Test
  void theSameCaseMayGiveAnotherKindOfActionButAFormerEmployeeNone() throws Exception {
    String employee = hire("Zhou Min", "customer-service");
    Instant now = Instant.now();
    LocalDate today = LocalDate.now(SHANGHAI);
    assertThat(records.recordDisciplinaryAction(employee, today,
        EmployeeHistory.DisciplinaryKind.WARNING, "Rude", "CP-2611-0050", "vp", now).created())
        .isTrue();
    assertThat(records.recordDisciplinaryAction(employee, today,
        EmployeeHistory.DisciplinaryKind.DEMERIT, "Rude", "CP-2611-0050", "vp", now).created())
        .as("another kind is another action").isTrue();
    assertThat(records.recordDisciplinaryAction(employee, today,
        EmployeeHistory.DisciplinaryKind.WARNING, "Rude", "CP-2611-0050", "gm", now).created())
        .as("the same action, whoever records it again").isFalse();

    String leaver = hire("Wu Left", "customer-service");
    records.leave(leaver, today, "Resigned");
    deploy(Bpmn.createExecutableProcess("record-leaver").camundaHistoryTimeToLive(1)
        .startEvent().serviceTask("RecordDisciplinaryAction")
        .camundaDelegateExpression("${recordDisciplinaryAction}")
        .camundaInputParameter("employeeId", leaver).camundaInputParameter("kind", "WARNING")
        .camundaInputParameter("reason", "Rude").camundaInputParameter("sourceCase", "CP-1")
        .endEvent().done());
    ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey("record-leaver");
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceId(pi.getId()).singleResult().getState()).isEqualTo("COMPLETED");
    assertThat(records.history(leaver).disciplinaryActions()).isEmpty();
  }

  private void deploy(BpmnModelInstance model) {
    String key = model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class)
        .iterator().next().getId();
    deployment = engine.getRepositoryService().createDeployment().name("test " + key)
        .addModelInstance(key + ".bpmn", model).deploy().getId();
  }

  private void runAsync(ProcessInstance pi) {
    for (Job job : engine.getManagementService().createJobQuery().processInstanceId(pi.getId())
        .list()) {
      engine.getManagementService().executeJob(job.getId());
    }
  }

  private String hire(String name, String department) {
    CaseNumber id = new CaseNumber("EM", "0015", SERIAL.incrementAndGet());
    LocalDate start = LocalDate.now(SHANGHAI).minusMonths(4);
    records.insert(id, new Hire("resp" + id.serial(), name, null, department, "Agent", 1, 1,
        start, 3, start.plusMonths(3), null, "hr"), Instant.now(), null);
    return id.toString();
  }
}
