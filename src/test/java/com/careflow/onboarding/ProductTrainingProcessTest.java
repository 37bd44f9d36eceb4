package com.careflow.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.careflow.calendar.WorkingDayCalendar;
import com.careflow.support.ProcessTests;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * SPEC §3.5 on the product-training model: every agent on duty gets the training at once, each
 * confirms the trial on their own task, and a suggestion reaches the department lead.
 */
@Deployment(resources = {
    "processes/product-training.bpmn",
    "forms/launch-product-training.form",
    "forms/train-on-product.form",
    "forms/review-product-suggestion.form"})
class ProductTrainingProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder()
      .configurationResource("process-test.camunda.cfg.xml")
      .assertClassCoverageAtLeast(1.0)
      .build();

  private ProcessEngine engine;
  private IdentityService identity;

  @BeforeEach
  void registerDelegates() {
    engine = extension.getProcessEngine();
    AbstractAssertions.init(engine);
    identity = engine.getIdentityService();
    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-11-23T10:00:00+08:00")
        .toInstant()));
    Mocks.register("listTrainees", new ListTrainees(ProcessTests.weekdaysInShanghai()));
    Mocks.register("workingDays",
        new WorkingDayCalendar(ProcessTests.weekdaysInShanghai()));
    if (identity.createGroupQuery().groupId("cs-agents").count() == 0) {
      identity.saveGroup(identity.newGroup("cs-agents"));
    }
  }

  @AfterEach
  void cleanUp() {
    identity.createUserQuery().list().forEach(user -> identity.deleteUser(user.getId()));
    ProcessTests.reset();
  }

  @Test
  void everyAgentOnDutyIsTrainedAndASuggestionReachesTheDepartmentLead() {
    agent("agent1");
    agent("agent2");
    User manager = identity.newUser("manager1");
    identity.saveUser(manager);
    ProcessInstance pi = launch();
    assertThat(pi).isWaitingAt("ListTrainees");
    execute(job());
    assertThat(pi).variables().containsEntry("trainees", List.of("agent1", "agent2"))
        .containsEntry("traineeCount", 2);
    List<Task> trainings = taskQuery().taskDefinitionKey("TrainOnProduct").orderByTaskAssignee()
        .asc().list();
    assertThat(trainings).extracting(Task::getAssignee).containsExactly("agent1", "agent2");
    Date endOfDue = Date.from(OffsetDateTime.parse("2026-12-04T23:59:00+08:00").toInstant());
    assertThat(trainings).allSatisfy(training -> assertThat(training.getDueDate()).isEqualTo(endOfDue));

    complete(trainings.get(0), withVariables("trialConfirmed", true,
        "suggestion", "Say on the label that the pulp settles."));
    complete(trainings.get(1), withVariables("trialConfirmed", true, "suggestion", ""));
    Task review = task("ReviewProductSuggestion");
    assertThat(review).hasCandidateGroup("cs-managers");
    assertThat(engine.getTaskService().getVariable(review.getId(), "trainee")).isEqualTo("agent1");
    assertThat(pi).isWaitingAt("ReviewProductSuggestion");
    complete(review, withVariables("leadResponse", "Passed to R&D for the next print run."));
    assertThat(pi).hasPassed("AgentTrained", "SuggestionAnswered", "EveryoneTrained").isEnded();

    HistoryService history = engine.getHistoryService();
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName("trialConfirmed").list()).extracting(HistoricVariableInstance::getValue)
        .containsExactly(true, true);
  }

  @Test
  void withNobodyOnDutyTheTrainingEndsAtOnce() {
    ProcessInstance pi = launch();
    execute(job());
    assertThat(pi).variables().containsEntry("traineeCount", 0);
    assertThat(pi).hasPassed("EveryoneTrained").hasNotPassed("TrainOnProduct").isEnded();
  }

  @Test
  void aLaunchWithoutADeadlineFallsDueInTenWorkingDays() {
    agent("agent1");
    ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey("product-training",
        Map.of("productName", "Osmanthus oolong 500 ml", "launchDate", "2026-12-01",
            "trainingMaterial", "Product sheet on the intranet."));
    assertThat(pi).isWaitingAt("ListTrainees");
    execute(job());
    assertThat(pi).isWaitingAt("TrainOnProduct");
    // Monday 23 November 10:00 + 10 working days: Monday 7 December 10:00
    assertThat(task("TrainOnProduct").getDueDate()).isEqualTo(
        Date.from(OffsetDateTime.parse("2026-12-07T10:00:00+08:00").toInstant()));
  }

  private ProcessInstance launch() {
    ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey("product-training",
        Map.of("productName", "Osmanthus oolong 500 ml", "launchDate", "2026-12-01",
            "trainingMaterial", "Product sheet on the intranet.", "completeBy", "2026-12-04"));
    assertThat(pi).isStarted();
    return pi;
  }

  private void agent(String id) {
    User user = identity.newUser(id);
    identity.saveUser(user);
    identity.createMembership(id, "cs-agents");
  }
}
