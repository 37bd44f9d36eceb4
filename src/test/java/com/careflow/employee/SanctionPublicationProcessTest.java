package com.careflow.employee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.careflow.calendar.WorkingDayCalendar;
import com.careflow.support.ProcessTests;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * SPEC §1.10 and §8.3 on the sanction-publication model: HR publishes a sanction on the
 * personnel notice, and only then is it written to the employee's record, the notice's number
 * with it; or HR withdraws it with a reason and nothing is written.
 */
@Deployment(resources = {"processes/sanction-publication.bpmn", "forms/publish-sanction.form"})
class SanctionPublicationProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder()
      .configurationResource("process-test.camunda.cfg.xml")
      .assertClassCoverageAtLeast(1.0)
      .build();

  private final List<Map<String, Object>> recorded = new ArrayList<>();
  private ProcessEngine engine;

  @BeforeEach
  void registerDelegates() {
    engine = extension.getProcessEngine();
    AbstractAssertions.init(engine);
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-12-07T02:00:00Z"))); // a Monday
    Mocks.register("workingDays", new WorkingDayCalendar(ProcessTests.weekdaysInShanghai()));
    Mocks.register("recordDisciplinaryAction", (JavaDelegate) execution -> recorded.add(Map.of(
        "employeeId", execution.getVariableLocal("employeeId"),
        "kind", execution.getVariableLocal("kind"),
        "reason", execution.getVariableLocal("reason"),
        "sourceCase", execution.getVariableLocal("sourceCase"),
        "decidedBy", execution.getVariableLocal("decidedBy"))));
  }

  @AfterEach
  void cleanUp() {
    ProcessTests.reset();
  }

  @Test
  void aPublishedSanctionGoesOntoTheRecordWithItsNoticeNumber() {
    ProcessInstance pi = proposed();
    assertThat(pi).isWaitingAt("PublishSanction");
    assertThat(task()).hasCandidateGroup("hr").hasDueDate(Date.from(
        new WorkingDayCalendar(ProcessTests.weekdaysInShanghai())
            .add(ClockUtil.getCurrentTime(), 5).toInstant()));
    complete(task(), withVariables("sanctionPublished", true, "personnelNotice", "RS-2612-07"));
    execute(job("SanctionPublishedGateway", pi)); // the answer is read after the task commits
    assertThat(pi).isWaitingAt("RecordPublishedSanction");
    assertThat(recorded).as("nothing on the record before the job runs").isEmpty();
    execute(job());
    assertThat(recorded).containsExactly(Map.of("employeeId", "EM-0000-0002", "kind", "WARNING",
        "reason", "Hung up on a customer (人事公布单 RS-2612-07)", "sourceCase", "CP-2612-0004",
        "decidedBy", "management-office"));
    assertThat(pi).hasPassedInOrder("PublishSanction", "SanctionPublishedGateway",
        "RecordPublishedSanction", "SanctionOnRecord").isEnded();
  }

  @Test
  void aWithdrawnSanctionKeepsItsReasonAndNeverReachesTheRecord() {
    ProcessInstance pi = proposed();
    assertThat(pi).isWaitingAt("PublishSanction");
    complete(task(), withVariables("sanctionPublished", false,
        "withdrawalReason", "The customer withdrew the complaint about her."));
    execute(job("SanctionPublishedGateway", pi)); // the answer is read after the task commits
    assertThat(pi).hasPassed("SanctionWithdrawn").hasNotPassed("RecordPublishedSanction")
        .isEnded();
    assertThat(recorded).isEmpty();
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(pi.getId()).variableName("withdrawalReason").singleResult()
        .getValue()).isEqualTo("The customer withdrew the complaint about her.");
  }

  private ProcessInstance proposed() {
    return engine.getRuntimeService().startProcessInstanceByKey("sanction-publication",
        "CP-2612-0004", Map.of("employeeId", "EM-0000-0002", "employeeName", "Zhao Lei",
            "kind", "WARNING", "reason", "Hung up on a customer", "sourceCase", "CP-2612-0004",
            "decidedBy", "management-office"));
  }
}
