package com.careflow.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.careflow.calendar.CalendarProperties;
import com.careflow.calendar.WorkingDayCalendar;
import com.careflow.complaint.ComplaintIntake.Registered;
import com.careflow.customer.Customer;
import com.careflow.notify.CustomerNotice;
import com.careflow.numbering.CaseNumbers;
import com.careflow.returns.CheckReturnedQuantity;
import com.careflow.returns.CountDaysSinceShipment;
import com.careflow.returns.PriceSettlement;
import com.careflow.returns.RecordReturn;
import com.careflow.returns.RegisterReturn;
import com.careflow.returns.ReturnRegister;
import com.careflow.returns.TellCustomerAboutReturn;
import com.careflow.support.Notices;
import com.careflow.support.ProcessTests;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mockito.ArgumentCaptor;

/**
 * SPEC §1 on the complaint-handling model: every gateway branch, both timers, the new-round
 * loop, with the real delegates and a fixture working-day calendar (National Day 2026 off,
 * Saturday 10 October worked), on the engine clock.
 */
@Deployment(resources = {
    "processes/complaint-handling.bpmn",
    "processes/complaint-approval-authority.dmn",
    "processes/complaint-deadlines.dmn",
    "forms/answer-consultation.form",
    "forms/approve-remedy.form",
    "forms/explain-misunderstanding.form",
    "forms/follow-up-overdue.form",
    "forms/investigate-complaint.form",
    "forms/propose-remedy.form",
    "forms/record-feedback.form",
    "forms/record-responsibility.form",
    "forms/register-contact.form",
    "forms/review-suggestion.form",
    "forms/spot-check.form",
    "forms/triage-complaint.form",
    "processes/product-return.bpmn",
    "processes/return-eligibility.dmn",
    "forms/approve-return-form.form",
    "forms/book-return.form",
    "forms/investigate-return-claim.form",
    "forms/obtain-return-proof.form",
    "forms/prepare-return-form.form",
    "forms/receive-returned-goods.form"})
class ComplaintHandlingProcessTest {

  /** Fails the class when a flow node or sequence flow of the model is left untested. */
  @RegisterExtension
  static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder()
      .configurationResource("process-test.camunda.cfg.xml")
      .excludeProcessDefinitionKeys("product-return")
      .assertClassCoverageAtLeast(1.0)
      .build();

  /** Friday 20 November 2026, 19:30 in Shanghai: the case is registered. */
  private static final Date FRIDAY_EVENING = at("2026-11-20T19:30:00+08:00");

  private final List<CustomerNotice> notices = new ArrayList<>();
  private final ComplaintRegister register = mock(ComplaintRegister.class);
  private final ComplaintIntake intake = mock(ComplaintIntake.class);
  private final ReturnRegister returns = mock(ReturnRegister.class);
  private final CaseNumbers caseNumbers = mock(CaseNumbers.class);
  private double nextDraw = 0.5;
  private ProcessEngine engine;

  @BeforeEach
  void registerDelegates() {
    engine = extension.getProcessEngine();
    AbstractAssertions.init(engine);
    ClockUtil.setCurrentTime(FRIDAY_EVENING);

    CalendarProperties calendar = new CalendarProperties(
        ZoneId.of("Asia/Shanghai"), Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
        Set.of(LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-02"),
            LocalDate.parse("2026-10-05"), LocalDate.parse("2026-10-06"),
            LocalDate.parse("2026-10-07")),
        Set.of(LocalDate.parse("2026-10-10")));
    Mocks.register("workingDays", new WorkingDayCalendar(calendar));
    Mocks.register("notifyCustomer", new NotifyCustomer(notices::add, Notices.in("en")));
    Mocks.register("registerContact", new RegisterContact(intake));
    Mocks.register("recordTriage", new RecordTriage(register));
    Mocks.register("markCaseOverdue", new MarkCaseOverdue(register));
    Mocks.register("complaintDeadlines", new ComplaintDeadlines(calendar));
    Mocks.register("openNewRound", new OpenNewRound(register));
    Mocks.register("archiveCase", new ArchiveCase(register));
    registerReturnDelegates(calendar);
    Mocks.register("drawSpotCheckSample", new DrawSpotCheckSample(new RandomGenerator() {
      @Override
      public long nextLong() {
        throw new UnsupportedOperationException();
      }

      @Override
      public double nextDouble() {
        return nextDraw;
      }
    }));
  }

  @AfterEach
  void cleanUp() {
    Mocks.reset();
    engine.getIdentityService().clearAuthentication();
    ClockUtil.reset();
    AbstractAssertions.reset();
  }

  // --- Intake (SPEC §1.1, §1.3) ---

  @Test
  void aContactStartedInTasklistIsRegisteredAndOwnedByTheAgentWhoStartedIt() {
    when(intake.registerStarted(any(), eq("agent2"), any())).thenAnswer(call -> new Registered(
        "CP-2611-0042", call.getArgument(2), FRIDAY_EVENING.toInstant()));
    engine.getIdentityService().setAuthenticatedUserId("agent2");
    ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey(
        "complaint-handling", Map.of("complaintType", "COMPLAINT", "channel", "IN_PERSON",
            "customerName", "Zhao Min", "customerPhone", "13700000000",
            "customerRegion", "DOMESTIC", "subject", "Broken seal",
            "description", "The seal was broken on delivery.", "claimedAmount", 80L,
            "shippedOn", "2026-11-18"));
    engine.getIdentityService().clearAuthentication();

    assertThat(pi).hasPassed("RegisterContact").isWaitingAt("TriageComplaint")
        .hasBusinessKey("CP-2611-0042").variables()
        .containsEntry("complaintNumber", "CP-2611-0042")
        .containsEntry("firstContactAgent", "agent2").containsEntry("round", 1)
        .containsEntry("roundStartedAt", FRIDAY_EVENING).containsEntry("claimedAmount", 80.0);
    assertThat(task()).isAssignedTo("agent2");
    ArgumentCaptor<ComplaintRequest> request = ArgumentCaptor.forClass(ComplaintRequest.class);
    verify(intake).registerStarted(request.capture(), eq("agent2"), eq(pi.getId()));
    assertThat(request.getValue().channel()).isEqualTo(ComplaintRequest.Channel.IN_PERSON);
    assertThat(request.getValue().shippedOn()).isEqualTo(LocalDate.parse("2026-11-18"));
    assertThat(request.getValue().customer().region()).isEqualTo(Customer.Region.DOMESTIC);
  }

  @Test
  void aContactFromTheIntakeApiIsRegisteredAlreadyAndPassesThrough() {
    ProcessInstance pi = start(Map.of());
    assertThat(pi).hasPassed("RegisterContact").isWaitingAt("TriageComplaint");
    verifyNoInteractions(intake);
  }

  // --- Consultation (SPEC §1.2) ---

  @Test
  void answeredOnTheSpotIsRecordedAndClosedAtOnce() {
    ProcessInstance pi = start(Map.of("complaintType", "CONSULTATION",
        "resolvedOnFirstContact", true));
    assertThat(pi).isWaitingAt("ArchiveCase");
    execute(job());
    assertThat(pi).hasPassedInOrder("AnsweredOnTheSpot", "ReadyToArchive", "ArchiveCase",
        "CaseClosed").hasNotPassed("AnswerConsultation").isEnded();
    assertThat(history(pi, "caseStatus")).isEqualTo("CLOSED");
    verify(register).close("CP-2611-0001", FRIDAY_EVENING.toInstant(),
        at("2027-11-20T19:30:00+08:00").toInstant(), null);
  }

  @Test
  void otherwiseTheFirstContactAgentAnswersWithin24Hours() {
    ProcessInstance pi = start(Map.of("complaintType", "CONSULTATION"));
    assertThat(pi).isWaitingAt("AnswerConsultation");
    assertThat(task()).isAssignedTo("agent").hasDueDate(at("2026-11-21T19:30:00+08:00"));
    assertThat(candidateGroups(task())).containsExactly("cs-agents");
    complete(task(), withVariables("consultationAnswer", "The shelf life is 12 months."));
    execute(job());
    assertThat(pi).hasPassed("AnswerConsultation", "CaseClosed").isEnded();
    assertThat(history(pi, "overdue")).isNull();
  }

  @Test
  void anAnswerLaterThan24HoursMarksTheCaseOverdue() {
    ProcessInstance pi = start(Map.of("complaintType", "CONSULTATION"));
    assertThat(timer(pi, "ConsultationOverdue").getDuedate())
        .isEqualTo(at("2026-11-21T19:30:00+08:00"));
    ClockUtil.setCurrentTime(at("2026-11-21T19:31:00+08:00"));
    execute(timer(pi, "ConsultationOverdue"));
    assertThat(pi).isWaitingAt("AnswerConsultation", "MarkConsultationOverdue");
    execute(job());
    assertThat(pi).hasPassed("ConsultationOverdueMarked").isWaitingAt("AnswerConsultation")
        .variables().containsEntry("overdue", true);
    verify(register).markOverdue("CP-2611-0001");
    complete(task(), withVariables("consultationAnswer", "Answered late."));
    execute(job());
    assertThat(pi).isEnded();
    assertThat(history(pi, "overdue")).isEqualTo(true);
  }

  // --- Suggestion (SPEC §1.2) ---

  @Test
  void theManagerReviewsAndTheCustomerGetsThePromisedReply() {
    ProcessInstance pi = start(Map.of("complaintType", "SUGGESTION"));
    assertThat(pi).isWaitingAt("ReviewSuggestion");
    assertThat(task()).hasCandidateGroup("cs-managers");
    complete(task(), withVariables("adopted", true, "replyNeeded", true,
        "replyBy", at("2026-11-27T00:00:00+08:00"), "managerComment", "From next month."));
    execute(job());
    assertThat(pi).hasPassed("ReplyToSuggestion").isWaitingAt("ArchiveCase");
    assertThat(notices).singleElement().satisfies(notice -> {
      assertThat(notice.kind()).isEqualTo("SUGGESTION_REPLY");
      assertThat(notice.message()).contains("We are adopting it.", "From next month.");
    });
    execute(job());
    assertThat(pi).isEnded();
  }

  @Test
  void noReplyPromisedMeansNoNotice() {
    ProcessInstance pi = start(Map.of("complaintType", "SUGGESTION"));
    complete(task(), withVariables("adopted", false, "replyNeeded", false,
        "managerComment", "Not now."));
    execute(job());
    assertThat(pi).hasNotPassed("ReplyToSuggestion").hasPassed("CaseClosed").isEnded();
    assertThat(notices).isEmpty();
  }

  // --- Written acknowledgement and triage (SPEC §1.3, §1.4) ---

  @Test
  void aWrittenComplaintIsAcknowledgedOnRegistration() {
    ProcessInstance pi = start(Map.of("channel", "WRITTEN"));
    assertThat(pi).isWaitingAt("AcknowledgeComplaint");
    execute(job());
    assertThat(notices).singleElement().satisfies(notice -> {
      assertThat(notice.kind()).isEqualTo("ACKNOWLEDGEMENT");
      assertThat(notice.caseNumber()).isEqualTo("CP-2611-0001");
      assertThat(notice.customerPhone()).isEqualTo("13800000000");
    });
    assertThat(pi).isWaitingAt("TriageComplaint");
  }

  @Test
  void aComplaintByPhoneGoesStraightToTriageByTheFirstContactAgent() {
    ProcessInstance pi = start(Map.of());
    assertThat(pi).isWaitingAt("TriageComplaint").hasNotPassed("AcknowledgeComplaint");
    assertThat(task()).isAssignedTo("agent").hasDueDate(at("2026-11-25T19:30:00+08:00"));
    assertThat(candidateGroups(task())).containsExactly("cs-agents");
    assertThat(notices).isEmpty();
  }

  @Test
  void anUnjustifiedComplaintIsExplainedPolitelyAndClosed() {
    ProcessInstance pi = start(Map.of());
    complete(task(), withVariables("complaintValid", false,
        "triageNote", "The bottle was stored in direct sunlight, which the label warns against."));
    assertThat(pi).isWaitingAt("ExplainToCustomer");
    execute(job());
    assertThat(notices).singleElement().satisfies(notice -> {
      assertThat(notice.kind()).isEqualTo("EXPLANATION");
      assertThat(notice.message()).contains("direct sunlight");
    });
    execute(job());
    assertThat(pi).hasNotPassed("ResolveComplaint", "RecordFeedback").hasPassed("CaseClosed")
        .isEnded();
    verify(register).recordTriage("CP-2611-0001", false, null, false);
  }

  // --- Resolution by category, remedy and approval (SPEC §1.4-§1.6) ---

  @Test
  void aQualityComplaintIsInvestigatedCompensatedApprovedByAmountAndClosed() {
    ProcessInstance pi = triage("PRODUCT_QUALITY");
    assertThat(pi).isWaitingAt("InvestigateComplaint");
    // three working days from Friday evening: Wednesday evening, not Monday
    assertThat(task()).hasCandidateGroup("quality").hasCandidateGroup("rnd")
        .hasDueDate(at("2026-11-25T19:30:00+08:00"));
    complete(task(), withVariables("rootCause", "Seal failure on line 3",
        "responsibleDepartment", "Production", "correctiveAction", "Seal check added",
        "humanNegligence", false, "improvementTracking", true));
    assertThat(task()).hasCandidateGroup("sales").hasDefinitionKey("ProposeRemedy");
    complete(task(), withVariables("remedy", "COMPENSATION", "compensationAmount", 3000,
        "remedyNote", "We refund 3000 CNY."));
    execute(job("RemedyKind"));
    assertThat(pi).hasPassed("DetermineApprover").isWaitingAt("ApproveRemedy")
        .variables().containsEntry("approverGroup", "vice-presidents");
    assertThat(task()).hasCandidateGroup("vice-presidents");
    complete(task(), withVariables("approved", true, "approvalNote", "Agreed."));

    assertThat(pi).hasPassed("ComplaintResolved").isWaitingAt("TellOutcome");
    execute(job());
    assertThat(notices).singleElement().satisfies(notice -> {
      assertThat(notice.kind()).isEqualTo("OUTCOME");
      assertThat(notice.message()).contains("We refund 3000 CNY.");
    });
    assertThat(task()).hasDefinitionKey("RecordFeedback").isAssignedTo("agent")
        .hasDueDate(at("2026-11-21T19:30:00+08:00"));
    acceptFeedback();
    assertThat(pi).hasPassed("DrawSpotCheckSample").hasNotPassed("SpotCheckComplaint")
        .isWaitingAt("ArchiveCase");
    execute(job());
    assertThat(pi).isEnded();
    assertThat(history(pi, "retainedUntil")).isEqualTo(at("2027-11-20T19:30:00+08:00"));
    assertThat(history(pi, "overdue")).isNull();
    verify(register).recordTriage("CP-2611-0001", true, "PRODUCT_QUALITY", false);
    verify(register).close("CP-2611-0001", FRIDAY_EVENING.toInstant(),
        at("2027-11-20T19:30:00+08:00").toInstant(), "COMPENSATION");
    verify(register).recordOutcome("CP-2611-0001", new ComplaintRegister.Outcome("Production",
        null, new BigDecimal("3000"), "VERY_SATISFIED", "SATISFIED", "SATISFIED",
        "VERY_SATISFIED"));
    verify(register, never()).markOverdue(any());
  }

  @Test
  void aRejectedRemedyGoesBackToSalesAndTheNewAmountPicksItsApprover() {
    ProcessInstance pi = triage("NON_QUALITY");
    assertThat(pi).hasNotPassed("InvestigateComplaint").isWaitingAt("ProposeRemedy");
    complete(task(), withVariables("remedy", "DISCOUNT", "compensationAmount", 500,
        "remedyNote", "5% discount"));
    execute(job("RemedyKind"));
    assertThat(task()).hasCandidateGroup("sales-managers");
    complete(task(), withVariables("approved", false, "approvalNote", "Too little."));
    assertThat(pi).isWaitingAt("ProposeRemedy");
    complete(task(), withVariables("remedy", "COMPENSATION", "compensationAmount", 6000,
        "remedyNote", "Full refund and a voucher"));
    execute(job("RemedyKind"));
    assertThat(task()).hasCandidateGroup("general-managers");
    complete(task(), withVariables("approved", true, "approvalNote", "Agreed."));
    assertThat(pi).isWaitingAt("TellOutcome");
  }

  @Test
  void aReturnRequestIsHandedToProductReturnAndLearnsARejection() {
    ProcessInstance pi = triage("RETURN_REQUEST");
    assertThat(pi).isWaitingAt("HandReturnOver");
    execute(job("HandReturnOver"));
    ProcessInstance returnCase = returnCaseOf(pi);
    assertThat(returnCase.getBusinessKey()).isEqualTo("RT-2611-0001");
    assertThat(returnCase).isWaitingAt("InvestigateReturnClaim").variables()
        .containsEntry("complaintNumber", "CP-2611-0001")
        .containsEntry("customerName", "Wang Xiaoming").containsEntry("shippedOn", "2026-11-18")
        .containsEntry("claimedOn", "2026-11-20").containsEntry("requestedBy", "agent")
        .containsEntry("handling", null).doesNotContainKey("complaintValid");
    complete(taskOf(returnCase), withVariables("defectType", "LEAKAGE", "claimFactual", true,
        "storageFault", true, "shippedOn", "2026-11-18",
        "investigationFindings", "The cartons were stored in the rain."));
    execute(job());
    execute(job());
    assertThat(returnCase).isEnded();
    assertThat(pi).hasPassed("HandReturnOver").isWaitingAt("TellOutcome").variables()
        .containsEntry("returnNumber", "RT-2611-0001").containsEntry("returnDecision", "REJECT")
        .containsEntry("returnStatus", "REJECTED");
    execute(job());
    assertThat(notices).extracting(CustomerNotice::kind)
        .containsExactly("RETURN_REJECTION", "OUTCOME");
    assertThat(notices.get(1).message()).contains("return decision: Rejected");
  }

  @Test
  void aReprocessRemedyGoesToProductReturnAndTheComplaintLearnsTheSettlement() {
    ProcessInstance pi = triage("NON_QUALITY");
    complete(task(), withVariables("remedy", "REPROCESS", "remedyNote", "We rework the batch."));
    execute(job("RemedyKind"));
    assertThat(pi).isWaitingAt("HandReturnOver").hasNotPassed("DetermineApprover");
    execute(job("HandReturnOver"));
    ProcessInstance returnCase = returnCaseOf(pi);
    assertThat(returnCase).variables().containsEntry("handling", "REPROCESS");
    complete(taskOf(returnCase), withVariables("defectType", "SEDIMENT", "claimFactual", true,
        "storageFault", false, "shippedOn", "2026-11-18", "investigationFindings", "Sediment."));
    assertThat(taskOf(returnCase).getTaskDefinitionKey()).isEqualTo("PrepareReturnForm");
    complete(taskOf(returnCase), withVariables("handling", "REPROCESS", "returnReason", "Sediment",
        "returnBasis", "Quality report", "approvedQuantity", 40L, "unitPrice", 25.0));
    complete(taskOf(returnCase), withVariables("approved", true, "approvalNote", "Agreed."));
    complete(taskOf(returnCase), withVariables("receivedQuantity", 40L));
    complete(taskOf(returnCase), withVariables("returnProof", "INVOICE_COPY",
        "proofReference", "F-7"));
    complete(taskOf(returnCase), withVariables("voucherNumber", "V-7"));
    execute(job());
    execute(job());
    assertThat(returnCase).isEnded();
    assertThat(pi).isWaitingAt("TellOutcome").variables()
        .containsEntry("returnDecision", "RETURN").containsEntry("returnStatus", "SETTLED")
        .containsEntry("bookedQuantity", 40).containsEntry("settlementAmount", 1000.0)
        .doesNotContainKey("approved");
  }

  @Test
  void noRemedyResolvesTheComplaintWithoutApproval() {
    ProcessInstance pi = triage("NON_QUALITY");
    complete(task(), withVariables("remedy", "NONE", "remedyNote", "The carrier apologises."));
    execute(job("RemedyKind"));
    assertThat(pi).hasNotPassed("DetermineApprover", "ApproveRemedy")
        .hasPassed("ComplaintResolved").isWaitingAt("TellOutcome");
  }

  @Test
  void serviceConductIsRecordedByTheManagementOfficeAndTheResultToldToTheCustomer() {
    ProcessInstance pi = triage("SERVICE_CONDUCT");
    assertThat(pi).isWaitingAt("RecordResponsibility");
    assertThat(task()).hasCandidateGroup("management-office");
    complete(task(), withVariables("responsibleDepartment", "After-sales",
        "responsiblePerson", "Zhang", "disciplinaryResult", "A written warning was issued."));
    execute(job());
    assertThat(notices).singleElement().extracting(CustomerNotice::message).asString()
        .contains("A written warning was issued.");
  }

  @Test
  void aMisunderstandingIsExplainedByTheManagementOffice() {
    ProcessInstance pi = triage("MISUNDERSTANDING");
    assertThat(pi).isWaitingAt("ExplainMisunderstanding");
    assertThat(task()).hasCandidateGroup("management-office");
    complete(task(), withVariables("explanation", "The price includes delivery."));
    execute(job());
    assertThat(notices.get(0).message()).contains("The price includes delivery.");
  }

  @Test
  void anUnexpectedRemedyIsAnIncidentNotAComplaintResolvedWithoutRemedy() {
    ProcessInstance pi = triage("NON_QUALITY");
    complete(task(), withVariables("remedy", "NONE", "remedyNote", "Handled."));
    // an administrator's slip in Cockpit: a remedy no outgoing flow of the gateway expects
    engine.getRuntimeService().setVariable(pi.getId(), "remedy", "VOUCHER");
    ProcessTests.failAsIncident(engine, pi.getId(), "RemedyKind",
        "No outgoing sequence flow for the element with id 'RemedyKind'");
    assertThat(pi).isWaitingAt("RemedyKind").hasNotPassed("ComplaintResolved");
  }

  // --- Deadline and escalation (SPEC §1.7) ---

  @Test
  void threeWorkingDaysFromAFridayEveningEndOnWednesdayThenTheCaseIsEscalated() {
    ProcessInstance pi = triage("PRODUCT_QUALITY");
    assertThat(timer(pi, "ResolutionDeadlinePassed").getDuedate())
        .isEqualTo(at("2026-11-25T19:30:00+08:00"));

    ClockUtil.setCurrentTime(at("2026-11-25T19:31:00+08:00"));
    execute(timer(pi, "ResolutionDeadlinePassed"));
    assertThat(pi).isWaitingAt("InvestigateComplaint", "MarkComplaintOverdue");
    execute(job());
    assertThat(pi).variables().containsEntry("overdue", true);
    verify(register).markOverdue("CP-2611-0001");
    Task followUp = engine.getTaskService().createTaskQuery()
        .taskDefinitionKey("FollowUpOverdueComplaint").singleResult();
    assertThat(followUp).hasCandidateGroup("cs-managers");
    complete(followUp, withVariables("followUpNote", "Quality promised the report today."));
    assertThat(pi).hasPassed("OverdueFollowedUp").isWaitingAt("InvestigateComplaint");
  }

  @Test
  void aSpecialCaseGetsSevenWorkingDays() {
    ProcessInstance pi = start(Map.of());
    complete(task(), withVariables("complaintValid", true, "category", "PRODUCT_QUALITY",
        "specialCase", true, "specialCaseReason", "Lab analysis takes a week",
        "triageNote", "Justified"));
    assertThat(pi).hasPassed("DecideDeadlinesAfterTriage");
    assertThat(timer(pi, "ResolutionDeadlinePassed").getDuedate())
        .isEqualTo(at("2026-12-01T19:30:00+08:00"));
  }

  @Test
  void theDeadlineSkipsAPublicHolidayAndCountsTheMakeUpSaturday() {
    ClockUtil.setCurrentTime(at("2026-09-30T10:00:00+08:00"));
    ProcessInstance pi = triage("PRODUCT_QUALITY");
    // Thu 1 – Wed 7 October off (fixture); Thu 8, Fri 9 and the make-up Saturday 10 count.
    assertThat(timer(pi, "ResolutionDeadlinePassed").getDuedate())
        .isEqualTo(at("2026-10-10T10:00:00+08:00"));
  }

  @Test
  void resolvingInTimeCancelsTheDeadline() {
    ProcessInstance pi = triage("NON_QUALITY");
    complete(task(), withVariables("remedy", "NONE", "remedyNote", "Handled."));
    execute(job("RemedyKind"));
    assertThat(engine.getManagementService().createJobQuery().timers()
        .processInstanceId(pi.getId()).activityId("ResolutionDeadlinePassed").count()).isZero();
  }

  @Test
  void theClockRunsThroughTriageALateTriageIsMarkedOverdueAndEscalated() {
    ProcessInstance pi = start(Map.of());
    assertThat(pi).hasPassed("DecideDeadlines").isWaitingAt("TriageComplaint")
        .variables().containsEntry("resolutionDeadline", at("2026-11-25T19:30:00+08:00"))
        .doesNotContainKey("deadlines");
    assertThat(task()).hasDueDate(at("2026-11-25T19:30:00+08:00"));
    assertThat(timer(pi, "TriageDeadlinePassed").getDuedate())
        .isEqualTo(at("2026-11-25T19:30:00+08:00"));

    ClockUtil.setCurrentTime(at("2026-11-25T19:31:00+08:00"));
    execute(timer(pi, "TriageDeadlinePassed"));
    assertThat(pi).hasPassed("ComplaintOverdue")
        .isWaitingAt("TriageComplaint", "MarkComplaintOverdue");
    execute(job());
    verify(register).markOverdue("CP-2611-0001");
    assertThat(task("FollowUpOverdueComplaint")).hasCandidateGroup("cs-managers");
    assertThat(task("TriageComplaint")).isAssignedTo("agent");
  }

  @Test
  void anOverdueCaseStaysOverdueInItsNextRound() {
    ProcessInstance pi = triage("NON_QUALITY");
    ClockUtil.setCurrentTime(at("2026-11-26T09:00:00+08:00"));
    execute(timer(pi, "ResolutionDeadlinePassed"));
    execute(job());
    complete(task("FollowUpOverdueComplaint"), withVariables("followUpNote", "Chased sales."));
    complete(task(), withVariables("remedy", "NONE", "remedyNote", "Handled late."));
    execute(job("RemedyKind"));
    execute(job());
    complete(task(), withVariables("customerAccepted", false,
        "satisfactionAttitude", "AVERAGE", "satisfactionSkill", "AVERAGE",
        "satisfactionTimeliness", "POOR", "satisfactionPromise", "AVERAGE",
        "feedbackNote", "Too slow"));
    assertThat(pi).hasPassed("OpenNewRound").isWaitingAt("TriageComplaint")
        .variables().containsEntry("overdue", true).containsEntry("round", 2);
    verify(register).recordRound("CP-2611-0001", 2);
  }

  @ParameterizedTest(name = "a {0} customer''s case is to be closed by {1}")
  @CsvSource({
    "DOMESTIC, 2026-12-05T19:30:00+08:00",
    "FOREIGN, 2026-12-10T19:30:00+08:00"})
  void theClosingLimitCountsCalendarDaysFromRegistrationByRegion(String region, String by) {
    ProcessInstance pi = start(Map.of("customerRegion", region));
    assertThat(pi).variables().containsEntry("closingDeadline", at(by));
    assertThat(timer(pi, "ClosingDeadlinePassed").getDuedate()).isEqualTo(at(by));
  }

  @Test
  void aCaseNotClosedWithinItsLimitIsMarkedClosedLateAndEscalated() {
    ProcessInstance pi = resolvedWithoutRemedy();
    ClockUtil.setCurrentTime(at("2026-12-05T19:31:00+08:00"));
    execute(timer(pi, "ClosingDeadlinePassed"));
    assertThat(pi).hasPassed("FeedbackTaken").isWaitingAt("RecordFeedback", "MarkClosingLate");
    execute(job("MarkClosingLate"));
    assertThat(pi).variables().containsEntry("closedLate", true).doesNotContainKey("overdue");
    verify(register).markClosedLate("CP-2611-0001");
    verify(register, never()).markOverdue(any());
    Task followUp = task("FollowUpLateClosing");
    assertThat(followUp).hasCandidateGroup("cs-managers")
        .hasDueDate(at("2026-12-07T19:31:00+08:00"));
    complete(followUp, withVariables("followUpNote", "Called the customer."));
    assertThat(pi).hasPassed("LateClosingFollowedUp");
    acceptFeedback();
    execute(job());
    assertThat(pi).isEnded();
  }

  @Test
  void aCaseTheCustomerAcceptedIsNotLateWhileTheSpotCheckRuns() {
    nextDraw = 0.05;
    ProcessInstance pi = resolvedWithoutRemedy();
    acceptFeedback();
    assertThat(pi).isWaitingAt("SpotCheckComplaint");
    ClockUtil.setCurrentTime(at("2026-12-05T19:31:00+08:00"));
    execute(timer(pi, "ClosingDeadlinePassed"));
    assertThat(pi).hasPassed("ClosedInTime").hasNotPassed("MarkClosingLate")
        .isWaitingAt("SpotCheckComplaint");
    verify(register, never()).markClosedLate(any());
  }

  // --- Feedback, new round, spot check, archive (SPEC §1.8, §1.9) ---

  @Test
  void aCustomerWhoDoesNotAcceptGetsANewRoundFromTriageLinkedToTheFirst() {
    ProcessInstance pi = resolvedWithoutRemedy();
    ClockUtil.setCurrentTime(at("2026-11-24T09:00:00+08:00"));
    complete(task(), withVariables("customerAccepted", false,
        "satisfactionAttitude", "AVERAGE", "satisfactionSkill", "POOR",
        "satisfactionTimeliness", "SATISFIED", "satisfactionPromise", "POOR",
        "feedbackNote", "Wants a refund"));
    assertThat(pi).hasPassed("OpenNewRound").isWaitingAt("TriageComplaint")
        .variables().containsEntry("round", 2)
        .containsEntry("roundStartedAt", at("2026-11-24T09:00:00+08:00"));
    assertThat((String) engine.getRuntimeService().getVariable(pi.getId(), "roundHistory"))
        .isEqualTo("Round 1: NON_QUALITY, remedy NONE, not accepted by the customer: "
            + "Wants a refund");
    assertThat(task()).hasDueDate(at("2026-11-27T09:00:00+08:00"));
    verify(register).recordRound("CP-2611-0001", 2);

    complete(task(), withVariables("complaintValid", true, "category", "NON_QUALITY",
        "triageNote", "Second look", "specialCase", false));
    assertThat(timer(pi, "ResolutionDeadlinePassed").getDuedate())
        .isEqualTo(at("2026-11-27T09:00:00+08:00"));
  }

  @Test
  void aSampledComplaintIsSpotCheckedBeforeArchive() {
    nextDraw = 0.05;
    ProcessInstance pi = resolvedWithoutRemedy();
    acceptFeedback();
    assertThat(pi).isWaitingAt("SpotCheckComplaint").variables().containsEntry("spotCheck", true);
    assertThat(task()).hasCandidateGroup("management-office");
    complete(task(), withVariables("verified", true, "findings", "Handled as recorded."));
    execute(job());
    assertThat(pi).hasPassed("SpotCheckComplaint", "CaseClosed").isEnded();
  }

  @Test
  void anImportantCaseIsKeptWithoutEnd() {
    ProcessInstance pi = start(Map.of());
    complete(task(), withVariables("complaintValid", true, "category", "NON_QUALITY",
        "triageNote", "Justified", "important", true));
    complete(task(), withVariables("remedy", "NONE", "remedyNote", "Handled."));
    execute(job("RemedyKind"));
    execute(job());
    acceptFeedback();
    execute(job());
    assertThat(pi).isEnded();
    assertThat(history(pi, "caseStatus")).isEqualTo("CLOSED");
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(pi.getId()).variableName("retainedUntil").singleResult()
        .getValue()).isNull();
    verify(register).recordTriage("CP-2611-0001", true, "NON_QUALITY", true);
    verify(register).close(eq("CP-2611-0001"), any(), eq(null), eq("NONE"));
  }

  // --- helpers ---------------------------------------------------------------------------

  private ProcessInstance start(Map<String, Object> overrides) {
    Map<String, Object> variables = new HashMap<>(Map.of(
        "complaintNumber", "CP-2611-0001", "complaintType", "COMPLAINT", "channel", "PHONE",
        "customerName", "Wang Xiaoming", "customerPhone", "13800000000",
        "subject", "Sour taste", "description", "The soy sauce tastes sour.",
        "firstContactAgent", "agent", "resolvedOnFirstContact", false, "round", 1));
    variables.put("roundStartedAt", ClockUtil.getCurrentTime());
    variables.put("registeredAt", ClockUtil.getCurrentTime());
    variables.put("customerRegion", "DOMESTIC");
    variables.put("shippedOn", "2026-11-18");
    variables.putAll(overrides);
    ProcessInstance pi = engine.getRuntimeService()
        .startProcessInstanceByKey("complaint-handling", "CP-2611-0001", variables);
    assertThat(pi).isStarted();
    return pi;
  }

  /** A phone complaint triaged as justified in this category, not a special case. */
  /** The real product-return model runs behind the hand-over, with its real delegates. */
  private void registerReturnDelegates(CalendarProperties calendar) {
    when(caseNumbers.next(eq("RT"), any(Instant.class)))
        .thenReturn(new CaseNumbers.CaseNumber("RT", "2611", 1));
    Mocks.register("registerReturn", new RegisterReturn(caseNumbers, returns, calendar));
    Mocks.register("countDaysSinceShipment", new CountDaysSinceShipment(calendar));
    Mocks.register("recordReturn", new RecordReturn(returns, calendar));
    Mocks.register("checkReturnedQuantity", new CheckReturnedQuantity());
    Mocks.register("priceSettlement", new PriceSettlement());
    Mocks.register("tellCustomerAboutReturn", new TellCustomerAboutReturn(notices::add, Notices.in("en")));
  }

  private ProcessInstance triage(String category) {
    ProcessInstance pi = start(Map.of());
    assertThat(pi).isWaitingAt("TriageComplaint");
    complete(task(), withVariables("complaintValid", true, "category", category,
        "specialCase", false, "triageNote", "Justified"));
    return pi;
  }

  private ProcessInstance resolvedWithoutRemedy() {
    ProcessInstance pi = triage("NON_QUALITY");
    complete(task(), withVariables("remedy", "NONE", "remedyNote", "The carrier apologises."));
    execute(job("RemedyKind"));
    execute(job());
    assertThat(pi).isWaitingAt("RecordFeedback");
    return pi;
  }

  private void acceptFeedback() {
    complete(task(), withVariables("customerAccepted", true,
        "satisfactionAttitude", "VERY_SATISFIED", "satisfactionSkill", "SATISFIED",
        "satisfactionTimeliness", "SATISFIED", "satisfactionPromise", "VERY_SATISFIED",
        "feedbackNote", "Thanks"));
  }

  /** The candidate groups of a task, assigned or not. */
  private List<String> candidateGroups(Task task) {
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
        .map(IdentityLink::getGroupId).toList();
  }

  private ProcessInstance returnCaseOf(ProcessInstance complaint) {
    ProcessInstance returnCase = engine.getRuntimeService().createProcessInstanceQuery()
        .superProcessInstanceId(complaint.getId()).singleResult();
    assertThat(returnCase.getProcessDefinitionId()).startsWith("product-return:");
    return returnCase;
  }

  private Task taskOf(ProcessInstance pi) {
    return engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();
  }

  /** The asynchronous step waiting in the last asserted case; its timers wait on. */
  private static Job job() {
    return BpmnAwareTests.job(jobQuery().messages());
  }

  private static Job job(String activityId) {
    return BpmnAwareTests.job(activityId);
  }

  private Job timer(ProcessInstance pi, String activityId) {
    return engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers()
        .activityId(activityId).singleResult();
  }

  private Object history(ProcessInstance pi, String variable) {
    var value = engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(pi.getId()).variableName(variable).singleResult();
    return value == null ? null : value.getValue();
  }

  private static Date at(String isoDateTime) {
    return Date.from(OffsetDateTime.parse(isoDateTime).toInstant());
  }
}
