package com.careflow.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.careflow.support.AsyncSteps;
import com.careflow.support.CareFlowSpringTest;
import com.careflow.support.Tasklist;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * SPEC §7.9 and §7.10 told as a case: a Cockpit manager who would silence a complaint's
 * deadline, by taking its retries away or by running it early again and again, is refused each
 * time, the timer stays exactly as the procedure set it, and when it falls due the case goes
 * overdue like any other. What a manager may do, retry a timer that failed, still works.
 */
@CareFlowSpringTest
class JobControlTest {

  @LocalServerPort private int port;
  @Autowired private ObjectMapper json;
  @Autowired private ProcessEngine engine;

  private Tasklist tasklist;

  @BeforeEach
  void connect() {
    tasklist = new Tasklist(port, json);
    BpmnAwareTests.init(engine);
  }

  @Test
  void aManagerCannotSilenceADeadlineAndTheCaseStillGoesOverdue() {
    String number = tasklist.registerComplaint("agent", "Silenced deadline");
    ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(number).singleResult();
    Job deadline = deadlineOf(instance);

    HttpResponse<String> silenced = tasklist.send("csmanager", "PUT", "/engine-rest/job/"
        + deadline.getId() + "/retries", "{\"retries\":0}");
    assertThat(silenced.statusCode()).as(silenced.body()).isEqualTo(403);
    assertThat(silenced.body()).contains("silence");
    for (int attempt = 1; attempt <= 4; attempt++) {
      HttpResponse<String> run = tasklist.send("csmanager", "POST", "/engine-rest/job/"
          + deadline.getId() + "/execute", null);
      assertThat(run.statusCode()).as("attempt " + attempt + ": " + run.body()).isEqualTo(403);
    }

    Job after = deadlineOf(instance);
    assertThat(after.getRetries()).as("no retry used up by a refusal").isEqualTo(
        deadline.getRetries());
    assertThat(after.getDuedate()).isEqualTo(deadline.getDuedate());
    assertThat(after.getExceptionMessage()).isNull();
    assertThat(engine.getRuntimeService().createIncidentQuery()
        .processInstanceId(instance.getId()).count()).as("no incident").isZero();
    assertThat(engine.getHistoryService().createHistoricJobLogQuery().jobId(deadline.getId())
        .failureLog().count()).as("no failure logged").isZero();

    // the deadline falls due: the engine fires it as the job executor would
    engine.getManagementService().executeJob(after.getId());
    AsyncSteps.runDue(engine, number);
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), "overdue"))
        .as("the case is marked overdue").isEqualTo(true);
    assertThat(instance).hasPassed("TriageDeadlinePassed");
  }

  @Test
  void aManagerRetriesADeadlineThatFailedAndNothingElse() {
    String number = tasklist.registerComplaint("agent", "Failed deadline");
    Job deadline = deadlineOf(engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(number).singleResult());

    HttpResponse<String> early = tasklist.send("csmanager", "PUT", "/engine-rest/job/"
        + deadline.getId() + "/retries", "{\"retries\":1}");
    assertThat(early.statusCode()).as("a job that has not failed: " + early.body())
        .isEqualTo(403);

    engine.getManagementService().setJobRetries(deadline.getId(), 0); // it failed: an incident
    assertThat(engine.getRuntimeService().createIncidentQuery().configuration(deadline.getId())
        .count()).isOne();
    HttpResponse<String> retried = tasklist.send("csmanager", "PUT", "/engine-rest/job/"
        + deadline.getId() + "/retries", "{\"retries\":1}");
    assertThat(retried.statusCode()).as(retried.body()).isEqualTo(204);
    assertThat(engine.getManagementService().createJobQuery().jobId(deadline.getId())
        .singleResult().getRetries()).isOne();
    assertThat(engine.getRuntimeService().createIncidentQuery().configuration(deadline.getId())
        .count()).as("the incident is resolved").isZero();
  }

  private Job deadlineOf(ProcessInstance instance) {
    return engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
        .activityId("TriageDeadlinePassed").singleResult();
  }
}
