package com.careflow.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.careflow.calendar.CalendarProperties;
import com.careflow.calendar.WorkingDayCalendar;
import com.careflow.employee.EmployeeHistory.TrainingResult;
import com.careflow.employee.EmployeeRecords;
import com.careflow.employee.EmployeeRecords.Hire;
import com.careflow.identity.IdentityProperties;
import com.careflow.identity.StaffAccounts;
import com.careflow.numbering.CaseNumbers;
import com.careflow.numbering.CaseNumbers.CaseNumber;
import com.careflow.support.ProcessTests;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.JavaDelegate;
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
import org.mockito.ArgumentCaptor;

/**
 * SPEC §3.1–§3.4 on the staff-onboarding model: the mentor, every training outcome (first
 * time, retake, a second failure with each of the supervisor's choices), going on duty as a
 * Tasklist agent, and each probation recommendation, with the probation timer on the engine
 * clock. The records are a mock; the Tasklist accounts are the engine's real identity service.
 */
@Deployment(resources = {
    "processes/staff-onboarding.bpmn",
    "forms/approve-probation-outcome.form",
    "forms/assign-mentor.form",
    "forms/decide-on-training-failure.form",
    "forms/evaluate-probation.form",
    "forms/record-module-score.form",
    "forms/write-self-assessment.form"})
class StaffOnboardingProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder()
      .configurationResource("process-test.camunda.cfg.xml")
      .assertClassCoverageAtLeast(1.0)
      .build();

  /** Monday 23 November 2026, 10:00 in Shanghai: HR registers the hire, who starts today. */
  private static final Date MONDAY_MORNING = at("2026-11-23T10:00:00+08:00");

  /** Three months on: the probation review opens at 09:00. */
  private static final Date REVIEW_OPENS = at("2027-02-23T09:00:00+08:00");

  private static final String EMPLOYEE = "EM-2611-0001";

  private final EmployeeRecords records = mock(EmployeeRecords.class);
  private final CaseNumbers numbers = mock(CaseNumbers.class);
  private final Map<String, Object> conversionStep = new HashMap<>();
  private IdentityService identity;

  @BeforeEach
  void registerDelegates() {
    ProcessEngine engine = extension.getProcessEngine();
    AbstractAssertions.init(engine);
    identity = engine.getIdentityService();
    ClockUtil.setCurrentTime(MONDAY_MORNING);
    when(numbers.next(eq("EM"), any(Instant.class))).thenReturn(new CaseNumber("EM", "2611", 1));
    CalendarProperties calendar = ProcessTests.weekdaysInShanghai();
    StaffAccounts accounts = new StaffAccounts(identity, new IdentityProperties(List.of(), List.of(), Set.of(),
        new IdentityProperties.CustomerData(Set.of(), Set.of()), null));
    Mocks.register("registerHire", new RegisterHire(numbers, records, calendar));
    Mocks.register("assignMentor", new AssignMentor(records, identity));
    Mocks.register("gradeModule", new GradeModule(records));
    Mocks.register("checkProbationExtension", new CheckProbationExtension(calendar));
    Mocks.register("extendProbation", new ExtendProbation(records, calendar));
    Mocks.register("putOnDuty", new PutOnDuty(accounts, records, calendar));
    Mocks.register("confirmEmployment", new ConfirmEmployment(records, calendar));
    // promotion's delegate (RecordConversionPayStepTest drives the real one): what it is given
    Mocks.register("recordConversionPayStep", (JavaDelegate) execution ->
        conversionStep.putAll(execution.getVariablesLocal()));
    Mocks.register("endEmployment", new EndEmployment(accounts, records, calendar));
    Mocks.register("workingDays", new WorkingDayCalendar(calendar));
    newUser("mentor1", null);
    if (identity.createGroupQuery().groupId("cs-agents").count() == 0) {
      identity.saveGroup(identity.newGroup("cs-agents"));
    }
  }

  @AfterEach
  void cleanUp() {
    identity.clearAuthentication();
    identity.createUserQuery().list().forEach(user -> identity.deleteUser(user.getId()));
    ProcessTests.reset();
  }

  // --- The hire (SPEC §3.1) ---

  @Test
  void aHireIsRecordedOnProbationAndTheFirstModuleWaitsForTheTrainers() {
    ProcessInstance pi = start(Map.of());
    assertThat(pi).hasBusinessKey(EMPLOYEE).hasPassed("RegisterHire")
        .hasNotPassed("AssignMentor").isWaitingAt("RecordModuleScore").variables()
        .containsEntry("employeeId", EMPLOYEE).containsEntry("probationMonths", 3)
        .containsEntry("probationEndsOn", "2027-02-23")
        .containsEntry("probationReviewAt", REVIEW_OPENS)
        .containsEntry("trainingModules", List.of("BASICS", "PRODUCT", "SERVICE_SKILLS"));
    assertThat(task()).hasCandidateGroup("trainers");
    assertThat(moduleInHand()).isEqualTo("BASICS");
    verify(records).insert(new CaseNumber("EM", "2611", 1), new Hire("linxy", "Lin Xiaoyu",
        "linxy@example.com", "customer-service", "Agent", 1, 1, LocalDate.parse("2026-11-23"), 3,
        LocalDate.parse("2027-02-23"), "mentor1", "hr"), MONDAY_MORNING.toInstant(), pi.getId());
  }

  @Test
  void withoutAMentorAManagerAssignsATasklistUserOtherThanTheHire() {
    Map<String, Object> noMentor = new HashMap<>();
    noMentor.put("mentor", null);
    noMentor.put("probationMonths", null);
    ProcessInstance pi = start(noMentor);
    assertThat(pi).isWaitingAt("AssignMentor").variables().containsEntry("probationMonths", 3);
    Task assignment = task();
    assertThat(assignment).hasCandidateGroup("cs-managers");
    assertThatThrownBy(() -> complete(assignment, withVariables("mentor", "nobody")))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("'nobody' is not a Tasklist user");
    newUser("linxy", null);
    assertThatThrownBy(() -> complete(assignment, withVariables("mentor", "linxy")))
        .hasMessageContaining("cannot be their own mentor");
    assertThat(pi).isWaitingAt("AssignMentor");
    verify(records, never()).assignMentor(anyString(), anyString());
    complete(assignment, withVariables("mentor", " mentor1 "));
    verify(records).assignMentor(EMPLOYEE, "mentor1");
    assertThat(pi).isWaitingAt("RecordModuleScore").variables().containsEntry("mentor", "mentor1");
  }

  // --- Pre-job training (SPEC §3.2) and going on duty (SPEC §3.3) ---

  @Test
  void passingEveryModulePutsTheAgentOnDutyInCsAgentsAndStartsTheProbationClock() {
    ProcessInstance pi = start(Map.of());
    sit(85);
    assertThat(moduleInHand()).isEqualTo("PRODUCT");
    sit(70);
    assertThat(moduleInHand()).isEqualTo("SERVICE_SKILLS");
    sit(92.5);
    assertThat(pi).isWaitingAt("PutOnDuty");
    ArgumentCaptor<TrainingResult> results = ArgumentCaptor.forClass(TrainingResult.class);
    verify(records, times(3)).recordTrainingResult(eq(EMPLOYEE), results.capture());
    assertThat(results.getAllValues()).extracting(TrainingResult::module, TrainingResult::attempt,
            TrainingResult::score, TrainingResult::passed, TrainingResult::trainer)
        .containsExactly(
            tuple("BASICS", 1, new BigDecimal("85"), true, "trainer"),
            tuple("PRODUCT", 1, new BigDecimal("70"), true, "trainer"),
            tuple("SERVICE_SKILLS", 1, new BigDecimal("92.5"), true,
                "trainer"));
    assertThat(identity.createUserQuery().userId("linxy").count()).isZero();

    execute(job());
    assertThat(pi).hasPassed("PutOnDuty").isWaitingAt("ProbationEnds").variables()
        .containsEntry("onDutySince", "2026-11-23")
        .containsEntry("trainingSummary", "BASICS, sitting 1: 85 (pass mark 70), passed\n"
            + "PRODUCT, sitting 1: 70 (pass mark 70), passed\n"
            + "SERVICE_SKILLS, sitting 1: 92.5 (pass mark 70), passed");
    User agent = identity.createUserQuery().userId("linxy").singleResult();
    assertThat(agent.getFirstName()).isEqualTo("Lin Xiaoyu");
    assertThat(agent.getEmail()).isEqualTo("linxy@example.com");
    assertThat(identity.createUserQuery().memberOfGroup("cs-agents").userId("linxy").count())
        .isOne();
    verify(records).putOnDuty(EMPLOYEE, LocalDate.parse("2026-11-23"));
    assertThat(job().getDuedate()).isEqualTo(REVIEW_OPENS);
  }

  @Test
  void aRehiredPersonsExistingAccountIsOpenedAgainInCsAgents() {
    newUser("linxy", "old-secret");
    ProcessInstance pi = start(Map.of());
    passTraining();
    execute(job());
    assertThat(pi).isWaitingAt("ProbationEnds");
    assertThat(identity.createUserQuery().memberOfGroup("cs-agents").userId("linxy").count())
        .isOne();
    assertThat(identity.checkPassword("linxy", "old-secret")).isTrue();
  }

  @Test
  void aFailedModuleIsRetakenOnceWithThePreviousScoreShown() {
    ProcessInstance pi = start(Map.of());
    sit(69.5);
    assertThat(pi).isWaitingAt("RecordModuleScore").variables()
        .containsEntry("moduleOutcome", "RETAKE");
    assertThat(moduleInHand()).isEqualTo("BASICS");
    assertThat(taskVariable("previousScore")).isEqualTo(new BigDecimal("69.5"));
    assertThat(taskVariable("moduleScore")).isNull();
    sit(75);
    assertThat(moduleInHand()).isEqualTo("PRODUCT");
    assertThat(taskVariable("previousScore")).isNull();
    ArgumentCaptor<TrainingResult> results = ArgumentCaptor.forClass(TrainingResult.class);
    verify(records, times(2)).recordTrainingResult(eq(EMPLOYEE), results.capture());
    assertThat(results.getAllValues()).extracting(TrainingResult::attempt, TrainingResult::passed)
        .containsExactly(tuple(1, false),
            tuple(2, true));
  }

  @Test
  void aScoreOutsideZeroToHundredKeepsTheTrainersTaskOpen() {
    ProcessInstance pi = start(Map.of());
    Task scoring = task();
    assertThatThrownBy(() -> complete(scoring, withVariables("moduleScore", 101)))
        .hasMessageContaining("The BASICS score must be 0 to 100");
    assertThat(pi).isWaitingAt("RecordModuleScore");
    verify(records, never()).recordTrainingResult(anyString(), any());
  }

  @Test
  void aSecondFailureGoesToTheSupervisorWhoExtendsTheProbationForOneMoreSitting() {
    ProcessInstance pi = start(Map.of());
    sit(50);
    sit(60);
    assertThat(pi).isWaitingAt("DecideOnTrainingFailure").variables()
        .containsEntry("moduleOutcome", "FAILED");
    Task decision = task();
    assertThat(decision).hasCandidateGroup("cs-managers");
    assertThatThrownBy(() -> complete(decision, extend(4)))
        .hasMessageContaining("extend it by at most 3");
    assertThatThrownBy(() -> complete(decision, withVariables("recommendation", "EXTEND",
        "supervisorNote", "More time.")))
        .hasMessageContaining("Give the extension in whole months");
    complete(decision, extend(2));
    execute(job("SupervisorDecision"));
    execute(job());
    verify(records).extendProbation(EMPLOYEE, 5, LocalDate.parse("2027-04-23"));
    assertThat(pi).hasPassed("ExtendProbationForTraining").isWaitingAt("RecordModuleScore")
        .variables().containsEntry("probationMonths", 5)
        .containsEntry("probationEndsOn", "2027-04-23")
        .containsEntry("probationReviewAt", at("2027-04-23T09:00:00+08:00"))
        .doesNotContainKey("recommendation");
    assertThat(moduleInHand()).isEqualTo("BASICS");

    sit(65);
    assertThat(pi).isWaitingAt("DecideOnTrainingFailure");
    complete(task(), extend(1));
    execute(job("SupervisorDecision"));
    execute(job());
    verify(records).extendProbation(EMPLOYEE, 6, LocalDate.parse("2027-05-23"));
    sit(80);
    assertThat(moduleInHand()).isEqualTo("PRODUCT");
  }

  @Test
  void aSecondFailureEndsTheEmploymentWhenTheSupervisorDecidesSo() {
    ProcessInstance pi = start(Map.of());
    sit(70);
    sit(40);
    sit(55);
    complete(task(), withVariables("recommendation", "TERMINATE",
        "supervisorNote", "Did not master the product range."));
    execute(job("SupervisorDecision"));
    assertThat(pi).hasPassed("TrainingFailed", "TrainingNotPassed")
        .isWaitingAt("EndEmploymentAfterTraining");
    execute(job());
    assertThat(pi).hasPassed("LeftAfterTraining").hasNotPassed("PutOnDuty").isEnded();
    verify(records).leave(EMPLOYEE, LocalDate.parse("2026-11-23"),
        "Pre-job training not passed: Did not master the product range.");
    assertThat(identity.createUserQuery().userId("linxy").count()).isZero();
  }

  // --- The probation review (SPEC §3.4) ---

  @Test
  void atTheEndOfProbationTheEmployeeReportsTheSupervisorConfirmsAndHrApproves() {
    ProcessInstance pi = onDuty();
    reviewOpens(REVIEW_OPENS);
    assertThat(pi).isWaitingAt("WriteSelfAssessment");
    assertThat(task()).isAssignedTo("linxy").hasDueDate(at("2027-03-02T09:00:00+08:00"));
    complete(task(), withVariables("selfAssessment", "I handled 240 contacts."));
    assertThat(pi).isWaitingAt("EvaluateProbation");
    // Tuesday 23 February 2027, 09:00 + 3 working days
    assertThat(task()).hasCandidateGroup("cs-managers")
        .hasDueDate(at("2027-02-26T09:00:00+08:00"));
    complete(task(), withVariables("recommendation", "CONFIRM", "supervisorNote", "Reliable."));
    assertThat(task()).hasCandidateGroup("hr");
    complete(task(), withVariables("approved", false, "hrNote", "Attach the call audit."));
    assertThat(pi).isWaitingAt("EvaluateProbation");
    complete(task(), withVariables("recommendation", "CONFIRM",
        "supervisorNote", "Reliable; audit attached."));
    complete(task(), withVariables("approved", true, "hrNote", "Approved."));
    execute(job("Recommendation"));
    assertThat(pi).isWaitingAt("ConfirmEmployment");
    execute(job());
    assertThat(pi).hasPassedInOrder("EvaluateProbation", "ApproveProbationOutcome",
        "ConfirmEmployment", "ConversionStepGranted", "EmployeeConfirmed").isEnded()
        .hasNotPassed("RecordConversionPayStep");
    verify(records).confirm(EMPLOYEE, LocalDate.parse("2027-02-23"));
    verify(records, never()).leave(anyString(), any(), anyString());
    assertThat(conversionStep).isEmpty();
  }

  @Test
  void aConfirmationMayCarryTheConversionPayStepRecordedAsAPayLevelPromotion() {
    ProcessInstance pi = onDuty();
    reviewOpens(REVIEW_OPENS);
    complete(task(), withVariables("selfAssessment", "I handled 240 contacts."));
    complete(task(), withVariables("recommendation", "CONFIRM", "supervisorNote",
        "Above the standard for a step.", "conversionPayStep", true));
    assertThat(task()).hasDefinitionKey("ApproveProbationOutcome");
    assertThat(taskVariable("conversionPayStep")).as("HR sees the step it approves")
        .isEqualTo(true);
    complete(task(), withVariables("approved", true, "hrNote", "Approved with the step."));
    execute(job("Recommendation"));
    execute(job());
    assertThat(pi).hasPassed("ConfirmEmployment", "ConversionStepGranted")
        .isWaitingAt("RecordConversionPayStep");
    assertThat(conversionStep).as("nothing before its own transaction").isEmpty();
    execute(job());
    assertThat(pi).hasPassedInOrder("ConfirmEmployment", "RecordConversionPayStep",
        "ConfirmedWithPayStep").isEnded();
    verify(records).confirm(EMPLOYEE, LocalDate.parse("2027-02-23"));
    assertThat(conversionStep).containsEntry("employeeId", EMPLOYEE)
        .containsEntry("effectiveDate", "2027-02-23")
        .containsEntry("evaluation", "Above the standard for a step.")
        .containsEntry("selfReport", "I handled 240 contacts.")
        .containsEntry("recommendationTask", "EvaluateProbation")
        .containsEntry("approvalTask", "ApproveProbationOutcome");
  }

  @Test
  void anExtendedProbationIsReviewedAgainWhenTheNewTermEnds() {
    ProcessInstance pi = onDuty();
    reviewOpens(REVIEW_OPENS);
    complete(task(), withVariables("selfAssessment", "Still learning the returns process."));
    complete(task(), extend(2));
    complete(task(), withVariables("approved", true, "hrNote", "Agreed."));
    execute(job("Recommendation"));
    execute(job());
    verify(records).extendProbation(EMPLOYEE, 5, LocalDate.parse("2027-04-23"));
    assertThat(pi).hasPassed("ExtendProbation").isWaitingAt("ProbationEnds");
    assertThat(job().getDuedate()).isEqualTo(at("2027-04-23T09:00:00+08:00"));

    reviewOpens(at("2027-04-23T09:00:00+08:00"));
    assertThat(pi).isWaitingAt("WriteSelfAssessment");
    complete(task(), withVariables("selfAssessment", "Now handling returns alone."));
    assertThat(taskVariable("recommendation")).isNull();
    Task evaluation = task();
    assertThatThrownBy(() -> complete(evaluation, extend(2)))
        .hasMessageContaining("Probation has lasted 5 months; it may last 6 in all, "
            + "so extend it by at most 1");
    assertThat(pi).isWaitingAt("EvaluateProbation");
    complete(task(), withVariables("recommendation", "CONFIRM", "supervisorNote", "Ready."));
    complete(task(), withVariables("approved", true, "hrNote", "Approved."));
    execute(job("Recommendation"));
    execute(job());
    verify(records).confirm(EMPLOYEE, LocalDate.parse("2027-04-23"));
    assertThat(pi).isEnded();
  }

  @Test
  void anExtensionBeyondSixMonthsKeepsTheEvaluationOpen() {
    ProcessInstance pi = onDuty();
    reviewOpens(REVIEW_OPENS);
    complete(task(), withVariables("selfAssessment", "Report."));
    Task evaluation = task();
    assertThatThrownBy(() -> complete(evaluation, extend(4)))
        .hasMessageContaining("Probation has lasted 3 months; it may last 6 in all");
    assertThat(pi).isWaitingAt("EvaluateProbation");
  }

  @Test
  void aTerminatedProbationEndsTheEmploymentAndClosesTheTasklistAccount() {
    ProcessInstance pi = onDuty();
    User agent = identity.createUserQuery().userId("linxy").singleResult();
    agent.setPassword("given-by-admin");
    identity.saveUser(agent);
    assertThat(identity.checkPassword("linxy", "given-by-admin")).isTrue();
    reviewOpens(REVIEW_OPENS);
    complete(task(), withVariables("selfAssessment", "Report."));
    complete(task(), withVariables("recommendation", "TERMINATE",
        "supervisorNote", "Repeated rudeness to customers."));
    complete(task(), withVariables("approved", true, "hrNote", "Agreed."));
    execute(job("Recommendation"));
    assertThat(pi).isWaitingAt("EndEmploymentAfterProbation");
    execute(job());
    assertThat(pi).hasPassed("LeftAfterProbation").hasNotPassed("ConfirmEmployment").isEnded();
    verify(records).leave(EMPLOYEE, LocalDate.parse("2027-02-23"),
        "Probation not passed: Repeated rudeness to customers.");
    assertThat(identity.createGroupQuery().groupMember("linxy").count()).isZero();
    assertThat(identity.checkPassword("linxy", "given-by-admin")).isFalse();
  }

  // --- helpers ---

  private ProcessInstance start(Map<String, Object> overrides) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("employeeName", "Lin Xiaoyu");
    variables.put("employeeUserId", "linxy");
    variables.put("employeeEmail", "linxy@example.com");
    variables.put("department", "customer-service");
    variables.put("position", "Agent");
    variables.put("grade", 1);
    variables.put("payLevel", 1);
    variables.put("startDate", "2026-11-23");
    variables.put("probationMonths", 3);
    variables.put("mentor", "mentor1");
    variables.put("hiredBy", "hr");
    variables.putAll(overrides);
    ProcessInstance pi = extension.getProcessEngine().getRuntimeService()
        .startProcessInstanceByKey("staff-onboarding", variables);
    assertThat(pi).isStarted();
    return pi;
  }

  /** The trainer records a sitting's score, as in Tasklist (a whole number or a decimal). */
  private void sit(Number score) {
    identity.setAuthenticatedUserId("trainer");
    try {
      complete(task(), withVariables("moduleScore", score));
    } finally {
      identity.clearAuthentication();
    }
  }

  private void passTraining() {
    sit(80);
    sit(80);
    sit(80);
  }

  private ProcessInstance onDuty() {
    ProcessInstance pi = start(Map.of());
    passTraining();
    execute(job());
    assertThat(pi).isWaitingAt("ProbationEnds");
    return pi;
  }

  // --- No silent default (an unexpected value stops as an incident) ---

  @Test
  void anUnexpectedProbationRecommendationIsAnIncidentNotATermination() {
    ProcessInstance pi = onDuty();
    reviewOpens(REVIEW_OPENS);
    complete(task(), withVariables("selfAssessment", "I handled 240 contacts."));
    complete(task(), withVariables("recommendation", "CONFIRM", "supervisorNote", "Reliable."));
    complete(task(), withVariables("approved", true, "hrNote", "Approved."));
    // an administrator's slip in Cockpit: a value no outgoing flow of the gateway expects
    extension.getProcessEngine().getRuntimeService()
        .setVariable(pi.getId(), "recommendation", "DISMISS");
    ProcessTests.failAsIncident(extension.getProcessEngine(), pi.getId(), "Recommendation",
        "No outgoing sequence flow for the element with id 'Recommendation'");
    assertThat(pi).isWaitingAt("Recommendation");
    verify(records, never()).leave(any(), any(), any());
    verify(records, never()).confirm(any(), any());
    assertThat(identity.createUserQuery().userId("linxy").count()).isOne();
  }

  @Test
  void anUnexpectedTrainingDecisionIsAnIncidentNotAnExtension() {
    ProcessInstance pi = start(Map.of());
    sit(50);
    sit(60);
    complete(task(), extend(2));
    extension.getProcessEngine().getRuntimeService()
        .setVariable(pi.getId(), "recommendation", "RETRAIN");
    ProcessTests.failAsIncident(extension.getProcessEngine(), pi.getId(), "SupervisorDecision",
        "No outgoing sequence flow for the element with id 'SupervisorDecision'");
    assertThat(pi).isWaitingAt("SupervisorDecision");
    verify(records, never()).extendProbation(any(), anyInt(), any());
  }

  /** Moves the engine clock to the review and fires the probation timer. */
  private void reviewOpens(Date at) {
    ClockUtil.setCurrentTime(at);
    execute(job());
  }

  private static Map<String, Object> extend(int months) {
    return withVariables("recommendation", "EXTEND", "extensionMonths", months,
        "supervisorNote", "Needs more practice.");
  }

  private String moduleInHand() {
    return (String) taskVariable("module");
  }

  private Object taskVariable(String name) {
    return extension.getProcessEngine().getTaskService().getVariable(task().getId(), name);
  }

  private void newUser(String id, String password) {
    User user = identity.newUser(id);
    user.setFirstName(id);
    user.setPassword(password);
    identity.saveUser(user);
  }

  private static Date at(String offsetDateTime) {
    return Date.from(OffsetDateTime.parse(offsetDateTime).toInstant());
  }
}
