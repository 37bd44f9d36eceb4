package com.careflow.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.careflow.calendar.CalendarProperties;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.test.mock.Mocks;

/** What the process tests share: the company calendar they run on, and the clean-up after. */
public final class ProcessTests {

  public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  private ProcessTests() {}

  /** The company's zone with a Monday-to-Friday week and no public holidays. */
  public static CalendarProperties weekdaysInShanghai() {
    return new CalendarProperties(SHANGHAI, Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
        Set.of(), Set.of());
  }

  /**
   * Runs the job waiting at an activity on its last retry, as the job executor would: it fails
   * with the message given, and the case stops there as an incident that Cockpit shows.
   */
  public static void failAsIncident(ProcessEngine engine, String processInstanceId,
      String activityId, String message) {
    ManagementService management = engine.getManagementService();
    Job job = management.createJobQuery().processInstanceId(processInstanceId)
        .activityId(activityId).singleResult();
    assertThat(job).as("the job at " + activityId).isNotNull();
    management.setJobRetries(job.getId(), 1);
    assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessageContaining(message);
    Incident incident = engine.getRuntimeService().createIncidentQuery()
        .processInstanceId(processInstanceId).singleResult();
    assertThat(incident).as("the incident Cockpit shows").isNotNull();
    assertThat(incident.getActivityId()).isEqualTo(activityId);
    assertThat(incident.getIncidentMessage()).contains(message);
  }

  /** Forgets the test's delegates, puts the engine clock back and the assertions' engine. */
  public static void reset() {
    Mocks.reset();
    ClockUtil.reset();
    AbstractAssertions.reset();
  }
}
