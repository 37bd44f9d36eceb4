package com.careflow.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.claim;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.careflow.calendar.WorkingDayCalendar;
import com.careflow.employee.Employee;
import com.careflow.employee.EmployeeHistory.DisciplinaryKind;
import com.careflow.employee.EmployeeRecords;
import com.careflow.employee.Sanctions;
import com.careflow.identity.Departments;
import com.careflow.identity.IdentityProperties.Department;
import com.careflow.employee.EmployeeRecords.Recorded;
import com.careflow.locale.Labels;
import com.careflow.locale.LocaleProperties;
import com.careflow.support.ProcessTests;
import com.careflow.calendar.CalendarProperties;
import com.careflow.complaint.ComplaintRegister;
import com.careflow.employee.StaffChoices;
import com.careflow.identity.OutsideParties;
import com.careflow.review.MonthlyComplaintReport.CaseResponsibility;
import com.careflow.review.MonthlyComplaintReport.Penalty;
import com.careflow.review.MonthlyComplaintReport.Returns;
import com.careflow.review.MonthlyComplaintReport.UnitTotals;
import com.careflow.review.ResponsibilityDecisions.Decision;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * SPEC §1.10 on the complaint-monthly-review model: the timer start on the 1st, the figures,
 * the GM office's review due by the 10th with its escalation, recompiling, the general
 * manager's approval of the reward and penalty notice (or sending it back), its penalties on
 * the employees' records (§8.3), publishing, and the half-year summary in June and December,
 * on the engine clock.
 */
@Deployment(resources = {
    "processes/complaint-monthly-review.bpmn",
    "forms/review-monthly-report.form",
    "forms/decide-responsibility.form",
    "forms/approve-reward-penalty-notice.form",
    "forms/apply-bonus-deductions.form",
    "forms/carry-out-deductions.form",
    "forms/chase-monthly-review.form"})
class MonthlyReviewProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder()
      .configurationResource("process-test.camunda.cfg.xml")
      .assertClassCoverageAtLeast(1.0)
      .build();

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  private final ComplaintStatistics statistics = mock(ComplaintStatistics.class);
  private final MonthlyReviews reviews = mock(MonthlyReviews.class);
  private final EmployeeRecords records = mock(EmployeeRecords.class);
  private final Sanctions sanctions = mock(Sanctions.class);
  private final Departments departments = mock(Departments.class);
  private final StaffChoices choices = mock(StaffChoices.class);
  private final ComplaintRegister register = mock(ComplaintRegister.class);
  private final ResponsibilityDecisions decisions = mock(ResponsibilityDecisions.class);
  private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();
  private ProcessEngine engine;
  /** The month reviewed and the review's deadline, as the start timer fired. */
  private String month;
  private Date reviewDue;

  @BeforeEach
  void registerDelegates() {
    engine = extension.getProcessEngine();
    AbstractAssertions.init(engine);
    CalendarProperties calendar = ProcessTests.weekdaysInShanghai();
    Mocks.register("workingDays", new WorkingDayCalendar(calendar));
    Mocks.register("compileMonthlyReport", new CompileMonthlyReport(statistics, reviews,
        new ObjectMapper().findAndRegisterModules(), choices, calendar));
    Mocks.register("decideResponsibility", new DecideResponsibility(register, decisions,
        choices, departments, new OutsideParties(List.of(new OutsideParties.Party("carrier",
            "承运物流公司", OutsideParties.Kind.CARRIER))), records));
    when(choices.unit(any())).thenAnswer(call -> call.getArgument(0));
    Mocks.register("publishMonthlyReview", new PublishMonthlyReview(reviews));
    Mocks.register("recordPayrollReference", new RecordPayrollReference(records));
    ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    messages.setBasename("i18n/messages");
    messages.setDefaultEncoding("UTF-8");
    messages.setFallbackToSystemLocale(false);
    Mocks.register("recordReviewPenalties", new RecordReviewPenalties(reviews, records,
        sanctions, departments, new Labels(messages, new LocaleProperties("zh")), json,
        calendar));
    when(departments.byId("customer-service")).thenReturn(Optional.of(new Department(
        "customer-service", "Customer service", Set.of("cs-agents", "cs-managers"),
        Set.of("cs-managers"))));
    when(statistics.previousMonth(any())).thenAnswer(call -> YearMonth.from(
        call.<Instant>getArgument(0).atZone(SHANGHAI)).minusMonths(1));
    when(statistics.report(any())).thenReturn(aMonth());
    when(statistics.halfYear(any())).thenReturn(aHalfYear());
    when(reviews.figures(any())).thenAnswer(call -> Optional.of(json.writeValueAsString(
        aMonth())));
    when(records.find(any())).thenReturn(Optional.empty());
    when(records.find(AGENT2)).thenReturn(Optional.of(employee(AGENT2, Employee.Status.REGULAR)));
    when(records.find(LEAVER)).thenReturn(Optional.of(employee(LEAVER, Employee.Status.LEFT)));
    when(records.recordBonusDeduction(any(), any(), any(), any(), any(), any(), any(), any()))
        .thenReturn(new Recorded(7, true));
  }

  @AfterEach
  void cleanUp() {
    ProcessTests.reset();
  }

  @Test
  void onTheFirstOfTheMonthLastMonthsFiguresGoToTheGmOfficeDueByTheTenth() {
    ProcessInstance pi = startedOnTheFirst();
    assertThat(pi).isWaitingAt("CompileMonthlyReport");
    execute(job());
    assertThat(pi).hasBusinessKey("REVIEW-" + month).isWaitingAt("ReviewMonthlyReport")
        .variables().containsEntry("reportMonth", month)
        .containsEntry("reportUrl", "/reports/complaints/monthly?month=" + month)
        .containsEntry("penaltySummary", String.join("\n",
            "customer-service / Zhao Lei (EM-0000-0002): 2 points, bonus deduction 500.00 CNY, "
                + "sanctions for HR: CP-2610-0007 WARNING — CP-2610-0003, CP-2610-0007",
            "Production / Lin (not on the employee records): 1 point, bonus deduction 100.00 "
                + "CNY — CP-2610-0004",
            "Logistics: 1 point, bonus deduction 100.00 CNY, sanctions for HR: CP-2610-0009 "
                + "WARNING — CP-2610-0009",
            "customer-service / Wu Left (EM-0000-0009): 1 point, bonus deduction 200.00 CNY, "
                + "sanctions for HR: CP-2610-0011 DEMERIT — CP-2610-0011"));
    assertThat((String) engine.getRuntimeService().getVariable(pi.getId(), "reportSummary"))
        .contains("Complaints closed: 4, upheld: 3, reopened: 1", "(75% on time)",
            "2.5 working days", "3000 CNY", "Returns: 1 settled (48 units, 600.00 CNY), 1 rejected");
    assertThat(task()).hasCandidateGroup("gm-office").hasDueDate(reviewDue);
    verify(reviews).compiled(eq(month), eq(pi.getId()), contains("\"upheld\":3"), any());
  }

  @Test
  void theGeneralManagersApprovedNoticePutsEachPersonsBonusDeductionOnTheirFileThenPublishes() {
    ProcessInstance pi = compiled();
    claim(task(), "gmoffice");
    complete(task(), withVariables("approved", true));
    assertThat(pi).isWaitingAt("ApproveRewardPenaltyNotice");
    // the 1st + 2 working days (policy: noticeDueWorkingDays)
    assertThat(task()).hasCandidateGroup("general-managers").hasDueDate(Date.from(
        new WorkingDayCalendar(ProcessTests.weekdaysInShanghai())
            .add(ClockUtil.getCurrentTime(), 2).toInstant()));
    claim(task(), "gm");
    complete(task(), withVariables("noticeApproved", true));
    assertThat(pi).isWaitingAt("RecordReviewPenalties");
    verify(records, never()).recordBonusDeduction(any(), any(), any(), any(), any(), any(),
        any(), any());
    execute(job());
    LocalDate today = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), SHANGHAI);
    verify(records).recordBonusDeduction(AGENT2, month, new BigDecimal("500.00"),
        "CP-2610-0003, CP-2610-0007",
        "月度投诉评审 " + month + "：成立投诉 2 宗，绩效奖金罚扣 500.00 元（奖罚通知单经总经理批准）",
        "gm", today, ClockUtil.getCurrentTime().toInstant());
    verify(records, times(1)).recordBonusDeduction(any(), any(), any(), any(), any(), any(),
        any(), any()); // Lin is no employee number, Logistics a unit, EM-0000-0009 has left
    verify(records, never()).recordDisciplinaryAction(any(), any(), any(), any(), any(), any(),
        any()); // a bonus deduction is not a disciplinary action (SPEC §1.10)
    assertThat(pi).variables().containsEntry("deductionsRecorded", List.of(AGENT2));
    // the standard's sanctions go to HR to publish (SPEC §1.10): a unit's and a leaver's do not
    verify(sanctions).propose(argThat((Employee employee) -> AGENT2.equals(employee.id())),
        eq(DisciplinaryKind.WARNING), eq("月度投诉评审 " + month
            + "：投诉 CP-2610-0007 按客诉罚扣判定基准的行政处分（奖罚通知单经总经理批准）"),
        eq("CP-2610-0007"), eq("gm"));
    verify(sanctions, times(1)).propose(any(Employee.class), any(), any(), any(), any());
    verify(sanctions, never()).propose(any(String.class), any(), any(), any(), any());
    assertThat(pi).variables().containsEntry("sanctionsProposed",
        List.of(AGENT2 + " CP-2610-0007 WARNING"));
    execute(job());
    verify(reviews).published(month, String.join("\n",
        "CP-2610-0003 SERVICE_CONDUCT: customer-service / EM-0000-0002, 100% (CONFIRMED), loss "
            + "0.00 CNY",
        "CP-2610-0009 NON_QUALITY: carrier, 60% (CHANGED: the carrier dropped the cases), loss "
            + "300.00 CNY"), "gmoffice", "gm", ClockUtil.getCurrentTime().toInstant());

    // finance applies the deductions in the month's bonus run (policy: deductionDueWorkingDays),
    // and each penalised department's managers are told their own people's (SPEC §1.10, §7.2)
    assertThat(pi).hasPassed("PublishMonthlyReview", "DeductionsToApply")
        .isWaitingAt("ApplyBonusDeductions", "CarryOutDeductions").variables()
        .containsEntry("penalisedDepartments", List.of("customer-service"))
        .containsEntry("departmentManagers", Map.of("customer-service", "cs-managers"));
    Date fiveWorkingDays = Date.from(new WorkingDayCalendar(ProcessTests.weekdaysInShanghai())
        .add(ClockUtil.getCurrentTime(), 5).toInstant());
    assertThat(task("ApplyBonusDeductions")).hasCandidateGroup("finance")
        .hasDueDate(fiveWorkingDays);
    assertThat(task("CarryOutDeductions")).hasCandidateGroup("cs-managers")
        .hasDueDate(fiveWorkingDays);
    assertThat(engine.getTaskService().getVariable(task("CarryOutDeductions").getId(),
        "departmentNotice")).isEqualTo(
            "Someone (EM-0000-0002): 500.00 CNY — CP-2610-0003, CP-2610-0007");
    claim(task("ApplyBonusDeductions"), "finance");
    complete(task("ApplyBonusDeductions"), withVariables("payrollReference", "PR-" + month));
    verify(records, never()).recordPayrollReference(any(), any());
    execute(job());
    verify(records).recordPayrollReference(month, "PR-" + month);
    assertThat(pi).isWaitingAt("CarryOutDeductions");
    complete(task("CarryOutDeductions"), withVariables("departmentNote", "Told Zhao Lei."));
    assertThat(pi).hasPassedInOrder("ReviewMonthlyReport", "ReviewApproved",
        "ApproveRewardPenaltyNotice", "NoticeApproved", "RecordReviewPenalties",
        "PublishMonthlyReview", "DeductionsToApply", "FinanceAndDepartments",
        "ApplyBonusDeductions", "RecordPayrollReference", "DeductionsDone", "DeductionsApplied")
        .hasPassed("CarryOutDeductions").isEnded();
  }

  /** Nobody on the employee records owes a deduction: finance has nothing to apply. */
  @Test
  void aNoticeWithNoDeductionOnAnyFileIsPublishedAndEnds() {
    when(records.find(AGENT2)).thenReturn(Optional.empty());
    ProcessInstance pi = compiled();
    complete(task(), withVariables("approved", true));
    complete(task(), withVariables("noticeApproved", true));
    execute(job());
    assertThat(pi).variables().containsEntry("deductionsRecorded", List.of());
    execute(job());
    assertThat(pi).hasPassedInOrder("RecordReviewPenalties", "PublishMonthlyReview",
        "DeductionsToApply", "ReviewPublished").hasNotPassed("ApplyBonusDeductions").isEnded();
  }

  @Test
  void aNoticeTheGeneralManagerSendsBackReturnsToTheGmOfficeWithTheNote() {
    ProcessInstance pi = compiled();
    complete(task(), withVariables("approved", true));
    complete(task(), withVariables("noticeApproved", false,
        "noticeNote", "CP-2610-0007 was the warehouse's fault."));
    assertThat(pi).hasPassed("NoticeApproved").isWaitingAt("ReviewMonthlyReport")
        .variables().containsEntry("noticeNote", "CP-2610-0007 was the warehouse's fault.");
    assertThat(task()).hasCandidateGroup("gm-office");
    complete(task(), withVariables("approved", true));
    assertThat(pi).isWaitingAt("ApproveRewardPenaltyNotice");
    verify(records, never()).recordBonusDeduction(any(), any(), any(), any(), any(), any(),
        any(), any());
  }

  @Test
  void unapprovedFiguresAreCompiledAgain() {
    ProcessInstance pi = compiled();
    complete(task(), withVariables("approved", false));
    assertThat(pi).isWaitingAt("CompileMonthlyReport");
    execute(job());
    assertThat(pi).isWaitingAt("ReviewMonthlyReport");
    verify(reviews, times(2)).compiled(eq(month), eq(pi.getId()), any(), any());
  }

  /**
   * SPEC §1.10: the GM office decides responsibility case by case; each upheld complaint it has
   * not decided is a task, its proposal (from the case's records) is the answer to confirm, and
   * once all are decided the figures are compiled again with the decisions.
   */
  @Test
  void eachUndecidedUpheldComplaintIsDecidedByTheGmOfficeThenTheFiguresAreCompiledAgain() {
    when(statistics.report(any())).thenReturn(
        withDecisions(decided("CP-2610-0003", "SERVICE_CONDUCT", "customer-service", AGENT2, 100,
            "PROPOSED", null, "0.00"), decided("CP-2610-0009", "NON_QUALITY", "warehouse", null,
            100, "PROPOSED", null, "500.00")),
        aMonth());
    when(register.find("CP-2610-0003")).thenReturn(Optional.of(upheld("CP-2610-0003",
        "SERVICE_CONDUCT", "customer-service", AGENT2)));
    when(register.find("CP-2610-0009")).thenReturn(Optional.of(upheld("CP-2610-0009",
        "NON_QUALITY", "warehouse", null)));
    when(departments.byId("warehouse")).thenReturn(Optional.of(new Department("warehouse",
        "Warehouse", Set.of("warehouse"), Set.of("vice-presidents"))));
    ProcessInstance pi = startedOnTheFirst();
    assertThat(pi).isWaitingAt("CompileMonthlyReport");
    execute(job());
    assertThat(pi).hasPassed("DecisionsNeeded").isWaitingAt("DecideResponsibility")
        .hasNotPassed("ReviewRound");
    List<org.camunda.bpm.engine.task.Task> tasks = engine.getTaskService().createTaskQuery()
        .processInstanceId(pi.getId()).taskDefinitionKey("DecideResponsibility")
        .orderByTaskId().asc().list();
    assertThat(tasks).hasSize(2);
    org.camunda.bpm.engine.task.Task conduct = decisionTask(tasks, "CP-2610-0003");
    org.camunda.bpm.engine.task.Task transport = decisionTask(tasks, "CP-2610-0009");
    assertThat(conduct).hasCandidateGroup("gm-office").hasDueDate(reviewDue);
    assertThat(engine.getTaskService().getVariables(conduct.getId()))
        .containsEntry("decidedDepartment", "customer-service")
        .containsEntry("decidedPerson", AGENT2).containsEntry("decidedShare", 100)
        .containsEntry("category", "SERVICE_CONDUCT");

    // the office confirms the first as proposed
    claim(conduct, "gmoffice");
    complete(conduct);
    ArgumentCaptor<Decision> recorded = ArgumentCaptor.forClass(Decision.class);
    verify(decisions).record(recorded.capture());
    assertThat(recorded.getValue()).extracting(Decision::complaintNumber, Decision::month,
        Decision::department, Decision::person, Decision::share, Decision::changed,
        Decision::decidedBy).containsExactly("CP-2610-0003", month, "customer-service", AGENT2,
        100, false, "gmoffice");

    // a change without its reason keeps the task open, with what is wrong
    claim(transport, "gmoffice");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.getTaskService().complete(
        transport.getId(), Map.of("decidedDepartment", "", "decidedParty", "carrier",
            "decidedShare", 60)))
        .hasMessageContaining("changeReason");
    assertThat(pi).isWaitingAt("DecideResponsibility");
    // an outside party, a share, a reason: recorded as changed; then compiled again
    complete(transport, withVariables("decidedDepartment", "", "decidedParty", "carrier",
        "decidedShare", 60, "changeReason", "The carrier dropped the cases."));
    verify(decisions, times(2)).record(recorded.capture());
    assertThat(recorded.getValue()).extracting(Decision::department, Decision::outsideParty,
        Decision::person, Decision::share, Decision::changed, Decision::reason,
        Decision::responsibleKind).containsExactly(null, "carrier", null, 60, true,
        "The carrier dropped the cases.", "EXTERNAL");
    assertThat(pi).hasPassed("DecideResponsibility").isWaitingAt("CompileMonthlyReport");
    execute(job());
    assertThat(pi).isWaitingAt("ReviewMonthlyReport").variables()
        .containsEntry("casesToDecide", List.of())
        .doesNotContainKeys("decidedDepartment", "decidedParty", "changeReason");
    assertThat((String) engine.getRuntimeService().getVariable(pi.getId(), "unitSummary"))
        .isEqualTo("carrier: 1 upheld, loss 300.00 CNY, bonus deductions 100.00 CNY, "
            + "1 sanctions, 0 second complaints, 0 improvements under tracking");
  }

  /** The office asks to decide one case again: it gets that case's decision task back. */
  @Test
  void aCaseTheOfficeAsksToReconsiderIsDecidedAgain() {
    when(register.find("CP-2610-0009")).thenReturn(Optional.of(upheld("CP-2610-0009",
        "NON_QUALITY", null, null)));
    when(decisions.of(List.of("CP-2610-0009"))).thenReturn(Map.of("CP-2610-0009",
        new Decision("CP-2610-0009", month, null, "carrier", null, 60, true,
            "The carrier dropped the cases.", "gmoffice", Instant.now())));
    ProcessInstance pi = compiled();
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), "upheldCaseOptions"))
        .hasToString("[\"CP-2610-0003\",\"CP-2610-0009\"]");
    complete(task(), withVariables("approved", false, "reconsiderCase", "CP-2610-0009"));
    execute(job());
    assertThat(pi).isWaitingAt("DecideResponsibility").variables()
        .containsEntry("casesToDecide", List.of("CP-2610-0009"))
        .containsEntry("reconsiderCase", null);
    // the earlier decision is the answer to confirm or change
    assertThat(engine.getTaskService().getVariables(task().getId()))
        .containsEntry("decidedParty", "carrier").containsEntry("decidedShare", 60)
        .containsEntry("changeReason", "The carrier dropped the cases.");
  }

    @Test
  void aReviewNotDoneByTheTenthIsEscalatedToTheGeneralManager() {
    ProcessInstance pi = compiled();
    Job deadline = engine.getManagementService().createJobQuery().processInstanceId(pi.getId())
        .timers().singleResult();
    assertThat(deadline.getDuedate()).isEqualTo(reviewDue);
    ClockUtil.setCurrentTime(new Date(reviewDue.getTime() + 60_000));
    execute(deadline);
    assertThat(pi).isWaitingAt("ReviewMonthlyReport", "ChaseMonthlyReview");
    org.camunda.bpm.engine.task.Task chase = engine.getTaskService().createTaskQuery()
        .taskDefinitionKey("ChaseMonthlyReview").singleResult();
    assertThat(chase).hasCandidateGroup("general-managers");
    complete(chase, withVariables("chaseNote", "Asked the office to finish by the 12th."));
    assertThat(pi).hasPassed("ReviewChased").isWaitingAt("ReviewMonthlyReport");
  }

  @Test
  void inJuneTheReviewAlsoHoldsTheHalfYearSummaryOfDecemberToMay() throws Exception {
    ProcessInstance pi = startedAt(at("2027-06-01T08:00:00+08:00"));
    execute(job("CompileMonthlyReport", pi));
    assertThat(pi).hasBusinessKey("REVIEW-2027-05").isWaitingAt("ReviewMonthlyReport")
        .variables().containsEntry("halfYearUrl", "/reports/complaints/half-year?until=2027-05");
    assertThat((String) engine.getRuntimeService().getVariable(pi.getId(), "halfYearSummary"))
        .startsWith("Half year 2026-12/2027-05\nClosed cases: 30")
        .contains("Complaints closed: 24, upheld: 18");
    verify(statistics).halfYear(YearMonth.of(2027, 5));
    ArgumentCaptor<String> figures = ArgumentCaptor.forClass(String.class);
    verify(reviews).compiled(eq("2027-05"), eq(pi.getId()), figures.capture(), any());
    assertThat(json.readTree(figures.getValue()).get("halfYear").get("month").asText())
        .isEqualTo("2026-12/2027-05");
    assertThat(task()).hasDueDate(at("2027-06-11T00:00:00+08:00"));
  }

  @Test
  void inDecemberTooButNotInOtherMonths() throws Exception {
    ProcessInstance april = startedAt(at("2027-04-01T08:00:00+08:00"));
    execute(job("CompileMonthlyReport", april));
    assertThat(april).variables().containsEntry("reportMonth", "2027-03")
        .containsEntry("halfYearSummary", null).containsEntry("halfYearUrl", null);
    verify(statistics, never()).halfYear(any());
    ProcessInstance december = startedAt(at("2027-12-01T08:00:00+08:00"));
    execute(job("CompileMonthlyReport", december));
    verify(statistics).halfYear(YearMonth.of(2027, 11));
  }

  /** Fires the start timer at {@code at}, on the engine clock: the review of the month before. */
  private ProcessInstance startedAt(Date at) {
    Job timer = engine.getManagementService().createJobQuery()
        .processDefinitionKey("complaint-monthly-review").activityId("FirstOfTheMonth")
        .timers().singleResult();
    ClockUtil.setCurrentTime(at);
    engine.getManagementService().executeJob(timer.getId());
    return engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey("complaint-monthly-review").orderByProcessInstanceId().desc()
        .list().stream().filter(pi -> engine.getManagementService().createJobQuery()
            .processInstanceId(pi.getId()).activityId("CompileMonthlyReport").count() == 1)
        .findFirst().orElseThrow();
  }

  /**
   * The start timer, scheduled at deployment, is due on the next 1st at 08:00 server time;
   * the clock moves there and the timer fires. The month reviewed is the one before, in the
   * company's zone, and the review is due at the end of the 10th after it.
   */
  private ProcessInstance startedOnTheFirst() {
    Job timer = engine.getManagementService().createJobQuery()
        .processDefinitionKey("complaint-monthly-review").timers().singleResult();
    assertThat(timer).as("the start timer, scheduled at deployment").isNotNull();
    LocalDateTime first = LocalDateTime.ofInstant(timer.getDuedate().toInstant(),
        ZoneId.systemDefault());
    assertThat(first.getDayOfMonth()).isEqualTo(1);
    assertThat(first.toLocalTime()).isEqualTo(LocalTime.of(8, 0));
    assertThat(timer.getDuedate()).isAfter(new Date())
        .isBefore(new Date(System.currentTimeMillis() + 32L * 24 * 3600 * 1000));
    ClockUtil.setCurrentTime(timer.getDuedate());
    engine.getManagementService().executeJob(timer.getId());
    YearMonth reviewed = YearMonth.from(timer.getDuedate().toInstant().atZone(SHANGHAI))
        .minusMonths(1);
    month = reviewed.toString();
    reviewDue = Date.from(reviewed.plusMonths(1).atDay(11).atStartOfDay(SHANGHAI).toInstant());
    assertThat(engine.getManagementService().createJobQuery()
        .processDefinitionKey("complaint-monthly-review").timers().singleResult().getDuedate())
        .as("the next cycle").isEqualTo(Date.from(first.plusMonths(1)
            .atZone(ZoneId.systemDefault()).toInstant()));
    return engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey("complaint-monthly-review").singleResult();
  }

  private ProcessInstance compiled() {
    ProcessInstance pi = startedOnTheFirst();
    assertThat(pi).isWaitingAt("CompileMonthlyReport");
    execute(job());
    assertThat(pi).isWaitingAt("ReviewMonthlyReport");
    return pi;
  }

  private static final String AGENT2 = "EM-0000-0002";
  private static final String LEAVER = "EM-0000-0009";

  private static MonthlyComplaintReport aMonth() {
    return new MonthlyComplaintReport("2026-10", 5, Map.of("COMPLAINT", 4L, "CONSULTATION", 1L),
        4, 3, 1, Map.of("PRODUCT_QUALITY", 2L, "NON_QUALITY", 1L), Map.of("Production", 2L),
        Map.of("Zhao Lei (EM-0000-0002)", 2L), Map.of("NONE", 1L), 3, 1, 1, 0.75, 2.5, Map.of(),
        new BigDecimal("3000"), new Returns(1, 1, 48, new BigDecimal("600.00")),
        List.of(new Penalty("customer-service", AGENT2, "Zhao Lei", 2,
                List.of("CP-2610-0003", "CP-2610-0007"), new BigDecimal("500.00"),
                List.of("CP-2610-0007 WARNING")),
            new Penalty("Production", "Lin", null, 1, List.of("CP-2610-0004"),
                new BigDecimal("100.00"), List.of()),
            new Penalty("Logistics", null, null, 1, List.of("CP-2610-0009"),
                new BigDecimal("100.00"), List.of("CP-2610-0009 WARNING")),
            new Penalty("customer-service", LEAVER, "Wu Left", 1, List.of("CP-2610-0011"),
                new BigDecimal("200.00"), List.of("CP-2610-0011 DEMERIT"))),
        List.of(decided("CP-2610-0003", "SERVICE_CONDUCT", "customer-service", AGENT2, 100,
                "CONFIRMED", null, "0.00"),
            decided("CP-2610-0009", "NON_QUALITY", "carrier", null, 60, "CHANGED",
                "the carrier dropped the cases", "300.00")),
        List.of(new UnitTotals("carrier", true, 1, new BigDecimal("300.00"),
            new BigDecimal("100.00"), 1, 0, 0)), List.of(), null, null);
  }

  private static MonthlyComplaintReport aHalfYear() {
    return new MonthlyComplaintReport("2026-12/2027-05", 30, Map.of("COMPLAINT", 24L), 24, 18,
        2, Map.of(), Map.of(), Map.of(), Map.of(), 20, 4, 1, 20 / 24.0, 2.1, Map.of(),
        BigDecimal.ZERO, new Returns(0, 0, 0, BigDecimal.ZERO), List.of(), List.of(), List.of(),
        List.of(), null, null);
  }

  private static MonthlyComplaintReport withDecisions(CaseResponsibility... cases) {
    MonthlyComplaintReport month = aMonth();
    return new MonthlyComplaintReport(month.month(), month.closedCases(), month.byType(),
        month.complaints(), month.upheld(), month.reopened(), month.byCategory(),
        month.byResponsibleDepartment(), month.byResponsiblePerson(), month.byRemedy(),
        month.onTime(), month.overdue(), month.closedLate(), month.onTimeRate(),
        month.averageHandlingWorkingDays(), month.satisfaction(), month.compensationGranted(),
        month.returns(), month.penalties(), List.of(cases), month.byUnit(), month.onTimeTrend(),
        null, null);
  }

  private org.camunda.bpm.engine.task.Task decisionTask(
      List<org.camunda.bpm.engine.task.Task> tasks, String complaint) {
    return tasks.stream().filter(task -> complaint.equals(engine.getTaskService()
        .getVariable(task.getId(), "complaintNumber"))).findFirst().orElseThrow();
  }

  private static ComplaintRegister.Entry upheld(String number, String category,
      String department, String person) {
    return new ComplaintRegister.Entry(number, "COMPLAINT", "PHONE", "Customer", null, null,
        null, "DOMESTIC", "Subject", "Description", null, null, null, null, false,
        Instant.parse("2026-10-02T02:00:00Z"), "agent1", "pi", "CLOSED", category, true, "NONE",
        false, false, false, 1, Instant.parse("2026-10-20T02:00:00Z"), null,
        new ComplaintRegister.Outcome(department, person, null, null, null, null, null, null,
            null, null), new ComplaintRegister.Goods(null, null, null, null, null), false);
  }

  private static CaseResponsibility decided(String complaint, String category, String unit,
      String person, int share, String decision, String reason, String loss) {
    return new CaseResponsibility(complaint, category, unit, "carrier".equals(unit), person,
        share, decision, reason, new BigDecimal(loss), BigDecimal.ZERO, "NONE", false, false);
  }

  private static Employee employee(String id, Employee.Status status) {
    return new Employee(id, "u" + id, "Someone", null, "customer-service", "Agent", 1, 1, status,
        LocalDate.parse("2025-01-01"), 3, LocalDate.parse("2025-04-01"), null, null, null, null,
        status == Employee.Status.LEFT ? LocalDate.parse("2026-09-30") : null, null,
        Instant.now(), "hr", null);
  }

  private static Date at(String offsetDateTime) {
    return Date.from(java.time.OffsetDateTime.parse(offsetDateTime).toInstant());
  }

}
