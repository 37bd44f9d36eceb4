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
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.careflow.calendar.WorkingDayCalendar;
import com.careflow.support.ProcessTests;
import com.careflow.calendar.CalendarProperties;
import com.careflow.review.MonthlyComplaintReport.Penalty;
import com.careflow.review.MonthlyComplaintReport.Returns;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
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

/**
 * SPEC §1.10 on the complaint-monthly-review model: the timer start on the 1st, the figures,
 * the GM office's review due by the 10th with its escalation, recompiling, and publishing, on
 * the engine clock.
 */
@Deployment(resources = {
    "processes/complaint-monthly-review.bpmn",
    "forms/review-monthly-report.form",
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
        new ObjectMapper().findAndRegisterModules(), calendar));
    Mocks.register("publishMonthlyReview", new PublishMonthlyReview(reviews));
    when(statistics.previousMonth(any())).thenAnswer(call -> YearMonth.from(
        call.<Instant>getArgument(0).atZone(SHANGHAI)).minusMonths(1));
    when(statistics.report(any())).thenReturn(aMonth());
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
        .containsEntry("penaltySummary", "Production / Lin: 2 points\nLogistics: 1 point");
    assertThat((String) engine.getRuntimeService().getVariable(pi.getId(), "reportSummary"))
        .contains("Complaints closed: 4, upheld: 3, reopened: 1", "(75% on time)",
            "2.5 working days", "3000 CNY", "Returns: 1 settled (48 units, 600.00 CNY), 1 rejected");
    assertThat(task()).hasCandidateGroup("gm-office").hasDueDate(reviewDue);
    verify(reviews).compiled(eq(month), eq(pi.getId()), contains("\"upheld\":3"), any());
  }

  @Test
  void theApprovedReviewIsPublishedWithItsDecisionsAndReviewer() {
    ProcessInstance pi = compiled();
    claim(task(), "gmoffice");
    complete(task(), withVariables("approved", true,
        "responsibilityDecisions", "Production: 2 points, Lin warned."));
    assertThat(pi).isWaitingAt("PublishMonthlyReview");
    execute(job());
    assertThat(pi).hasPassedInOrder("ReviewMonthlyReport", "ReviewApproved",
        "PublishMonthlyReview", "ReviewPublished").isEnded();
    verify(reviews).published(month, "Production: 2 points, Lin warned.", "gmoffice",
        ClockUtil.getCurrentTime().toInstant());
  }

  @Test
  void unapprovedFiguresAreCompiledAgain() {
    ProcessInstance pi = compiled();
    complete(task(), withVariables("approved", false,
        "responsibilityDecisions", "CP-2610-0007 was closed by mistake; reopened."));
    assertThat(pi).isWaitingAt("CompileMonthlyReport");
    execute(job());
    assertThat(pi).isWaitingAt("ReviewMonthlyReport");
    verify(reviews, times(2)).compiled(eq(month), eq(pi.getId()), any(), any());
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

  private static MonthlyComplaintReport aMonth() {
    return new MonthlyComplaintReport("2026-10", 5, Map.of("COMPLAINT", 4L, "CONSULTATION", 1L),
        4, 3, 1, Map.of("PRODUCT_QUALITY", 2L, "NON_QUALITY", 1L), Map.of("Production", 2L),
        Map.of("Lin", 2L), Map.of("NONE", 1L), 3, 1, 1, 0.75, 2.5, Map.of(),
        new BigDecimal("3000"), new Returns(1, 1, 48, new BigDecimal("600.00")),
        List.of(new Penalty("Production", "Lin", 2), new Penalty("Logistics", null, 1)),
        List.of(), null);
  }

}
