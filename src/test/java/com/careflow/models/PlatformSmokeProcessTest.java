package com.careflow.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.careflow.support.CareFlowSpringTest;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What every procedure will rely on, run through the platform-smoke fixture model: a delegate
 * behind an async continuation, a Camunda Form deployed from its own file, and working-day
 * deadlines written as {@code ${workingDays.add(now(), n)}} in the model, on the engine clock.
 */
@CareFlowSpringTest
class PlatformSmokeProcessTest {

  /** Friday 20 November 2026, 19:30 in Shanghai. */
  private static final Date FRIDAY_EVENING = at("2026-11-20T19:30:00+08:00");

  @Autowired
  private ProcessEngine engine;

  @BeforeEach
  void fixTheClock() {
    AbstractAssertions.init(engine);
    ClockUtil.setCurrentTime(FRIDAY_EVENING);
  }

  @AfterEach
  void resetTheClock() {
    ClockUtil.reset();
    AbstractAssertions.reset();
  }

  @Test
  void aConfirmedCheckRunsTheDelegateAndShowsTheFormWithAWorkingDayDueDate() throws Exception {
    ProcessInstance instance = start(Map.of());
    assertThat(instance).isWaitingAt("RecordSmoke");

    execute(job());
    assertThat(instance).isWaitingAt("ConfirmSmoke").variables().containsEntry("recordedBy",
        "recordSmoke");
    assertThat(task()).hasCandidateGroup("cs-agents")
        .hasDueDate(at("2026-11-25T19:30:00+08:00"));
    assertThat(timer(instance).getDuedate()).isEqualTo(at("2026-11-27T19:30:00+08:00"));
    try (InputStream form = engine.getFormService().getDeployedTaskForm(task().getId())) {
      assertThat(new String(form.readAllBytes(), StandardCharsets.UTF_8))
          .contains("\"id\": \"platform-smoke-confirm\"", "\"key\": \"confirmed\"");
    }

    complete(task(), withVariables("confirmed", true));
    assertThat(instance).hasPassedInOrder("RecordSmoke", "ConfirmSmoke", "SmokeConfirmed")
        .isEnded();
  }

  @Test
  void anUnconfirmedCheckExpiresAfterFiveWorkingDays() {
    ProcessInstance instance = start(Map.of());
    assertThat(instance).isWaitingAt("RecordSmoke");
    execute(job());
    assertThat(instance).isWaitingAt("ConfirmSmoke");

    ClockUtil.setCurrentTime(at("2026-11-27T19:31:00+08:00"));
    execute(timer(instance));
    assertThat(instance).hasPassed("SmokeExpiredEnd").hasNotPassed("SmokeConfirmed").isEnded();
  }

  @Test
  void aFailingSideEffectIsRetriedThenBecomesAnIncident() {
    ProcessInstance instance = start(Map.of("failSmoke", true));
    for (int attempt = 1; attempt <= 3; attempt++) {
      Job job = job(instance);
      assertThat(job.getRetries()).isEqualTo(4 - attempt);
      try {
        engine.getManagementService().executeJob(job.getId());
      } catch (IllegalStateException expected) {
        assertThat(expected).hasMessage("The smoke check was asked to fail");
      }
    }
    Incident incident = engine.getRuntimeService().createIncidentQuery()
        .processInstanceId(instance.getId()).singleResult();
    assertThat(incident.getActivityId()).isEqualTo("RecordSmoke");
    assertThat(incident.getIncidentMessage()).isEqualTo("The smoke check was asked to fail");
    assertThat(instance).isWaitingAt("RecordSmoke").isNotEnded();
  }

  private ProcessInstance start(Map<String, Object> variables) {
    return engine.getRuntimeService().startProcessInstanceByKey("platform-smoke", variables);
  }

  private Job timer(ProcessInstance instance) {
    return engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
        .timers().singleResult();
  }

  private static Date at(String isoDateTime) {
    return Date.from(OffsetDateTime.parse(isoDateTime).toInstant());
  }
}
