package com.careflow.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.claim;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.careflow.calendar.CalendarProperties;
import com.careflow.calendar.WorkingDayCalendar;
import com.careflow.complaint.ComplaintIntake.Registered;
import com.careflow.customer.Customer;
import com.careflow.employee.StaffChoices;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import com.careflow.notify.CustomerNotice;
import com.careflow.support.Notices;
import com.careflow.support.ProcessTests;
import java.math.BigDecimal;
import java.time.DayOfWeek;
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
import org.camunda.bpm.engine.delegate.JavaDelegate;
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
 * SPEC §1 on the complaint-handling model: every gateway branch, the timers, the new-round and
 * correction loops, with the real delegates and a fixture working-day calendar (National Day 2026
 * off, Saturday 10 October worked), on the engine clock. What the complaint hands to other
 * procedures (a product return, an employee's record) is recorded here and answered as they
 * would answer (message ReturnFormDecided); ProcessesTogetherTest runs them for real.
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
    "forms/rule-on-complaint.form",
    "forms/confirm-suggestion-reply.form",
    "forms/review-receivable-objection.form",
    "forms/exclude-from-collection-bonus.form",
    "forms/handle-with-outside-party.form",
    "forms/review-suggestion.form",
    "forms/spot-check.form",
    "forms/triage-complaint.form",
    "forms/record-spot-settlement.form",
    "forms/review-severe-case.form",
    "forms/recover-receivable.form",
    "forms/instruct-on-investigation.form",
    "forms/correct-handling.form",
    "forms/confirm-correction.form"})
class ComplaintHandlingProcessTest {

  /** Fails the class when a flow node or sequence flow of the model is left untested. */
  @RegisterExtension
  static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder()
      .configurationResource("process-test.camunda.cfg.xml")
      .assertClassCoverageAtLeast(1.0)
      .build();

  /** Friday 20 November 2026, 19:30 in Shanghai: the case is registered. */
  private static final Date FRIDAY_EVENING = at("2026-11-20T19:30:00+08:00");

  private final List<CustomerNotice> notices = new ArrayList<>();
  /** The written complaints reported to the managers: number and groups. */
  private final List<String> reported = new ArrayList<>();
  private final ComplaintRegister register = mock(ComplaintRegister.class);
  private final ComplaintIntake intake = mock(ComplaintIntake.class);
  /** The returns the complaint started: the variables each was given. */
  private final List<Map<String, Object>> returnsStarted = new ArrayList<>();
  /** The departments and people the responsibility forms offer (employee records). */
  private final StaffChoices staffChoices = mock(StaffChoices.class);
  /** The disciplinary actions the complaint wrote: employee, kind, reason, source, by whom. */
  private final List<List<Object>> actionsRecorded = new ArrayList<>();
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
    Mocks.register("registerContact", new RegisterContact(intake, register));
    Mocks.register("recordTriage", new RecordTriage(register));
    Mocks.register("reportWrittenComplaint", (JavaDelegate) execution -> reported.add(
        execution.getVariable("complaintNumber") + " "
            + execution.getVariableLocal("managerGroups")));
    Mocks.register("ruleOnComplaint", new RuleOnComplaint());
    Mocks.register("markCaseOverdue", new MarkCaseOverdue(register));
    Mocks.register("complaintDeadlines", new ComplaintDeadlines(calendar));
    Mocks.register("openNewRound", new OpenNewRound(register));
    Mocks.register("archiveCase", new ArchiveCase(register));
    Mocks.register("startProductReturn", (JavaDelegate) execution -> {
      Map<String, Object> handed = new HashMap<>(execution.getVariablesLocal());
      handed.put("complaintNumber", execution.getVariable("complaintNumber"));
      returnsStarted.add(handed);
      execution.setVariable("returnNumber", "RT-2611-000" + returnsStarted.size());
    });
    Mocks.register("staffChoices", staffChoices);
    Mocks.register("proposeSanction", (JavaDelegate) execution -> actionsRecorded.add(
        List.of(execution.getVariableLocal("employeeId"), execution.getVariableLocal("kind"),
            String.valueOf(execution.getVariableLocal("reason")),
            execution.getVariableLocal("sourceCase"), execution.getVariableLocal("decidedBy"))));
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
        "replyBy", "2026-11-27", "managerComment", "From next month."));
    // the customer is promised the reply date (SPEC §1.2)
    assertThat(pi).isWaitingAt("PromiseReply");
    execute(job());
    assertThat(notices).singleElement().satisfies(notice -> {
      assertThat(notice.kind()).isEqualTo("SUGGESTION_PROMISE");
      assertThat(notice.message()).contains("by 2026-11-27");
    });
    // the reply falls due when the promised day ends
    assertThat(pi).isWaitingAt("ConfirmSuggestionReply");
    assertThat(task()).hasCandidateGroup("cs-managers")
        .hasDueDate(at("2026-11-28T00:00:00+08:00"));
    complete(task(), withVariables("adopted", true, "managerComment",
        "From next month, in every shop."));
    execute(job());
    assertThat(pi).hasPassed("ReplyToSuggestion").isWaitingAt("ArchiveCase");
    assertThat(notices).hasSize(2).last().satisfies(notice -> {
      assertThat(notice.kind()).isEqualTo("SUGGESTION_REPLY");
      assertThat(notice.message()).contains("We are adopting it.", "in every shop");
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

  /**
   * SPEC §1.2, §1.3: a written complaint is reported at once to the customer-service managers;
   * like every complaint, the customer is told its number and the date by which it will be
   * handled (the resolution deadline: 3 working days from Friday evening, Wednesday 25th).
   */
  @Test
  void aWrittenComplaintIsReportedToTheManagersAndAcknowledgedWithItsHandlingDate() {
    ProcessInstance pi = registered(Map.of("channel", "WRITTEN"));
    assertThat(pi).isWaitingAt("ReportWrittenComplaint");
    execute(job());
    assertThat(reported).containsExactly("CP-2611-0001 cs-managers");
    assertThat(pi).hasPassed("AcknowledgeComplaint").isWaitingAt("TriageComplaint");
    assertThat(notices).singleElement().satisfies(notice -> {
      assertThat(notice.kind()).isEqualTo("ACKNOWLEDGEMENT");
      assertThat(notice.caseNumber()).isEqualTo("CP-2611-0001");
      assertThat(notice.customerPhone()).isEqualTo("13800000000");
      assertThat(notice.message()).contains("CP-2611-0001", "handled it by 2026-11-25");
    });
    assertThat(pi).hasPassed("ReadyForTriage").isWaitingAt("TriageComplaint");
  }

  @Test
  void aComplaintByPhoneGoesStraightToTriageByTheFirstContactAgentAndIsAcknowledgedToo() {
    ProcessInstance pi = registered(Map.of());
    assertThat(pi).hasPassed("AcknowledgeComplaint").isWaitingAt("TriageComplaint")
        .hasNotPassed("ReportWrittenComplaint");
    assertThat(task()).isAssignedTo("agent").hasDueDate(at("2026-11-25T19:30:00+08:00"));
    assertThat(candidateGroups(task())).containsExactly("cs-agents");
    assertThat(reported).isEmpty();
    assertThat(notices).singleElement().extracting(CustomerNotice::message).asString()
        .contains("handled it by 2026-11-25");
  }

  /**
   * SPEC §1.4 (003 篇四 第七條: 呈报上级主管裁定是否受理), §1.9: the agent who finds a complaint
   * unjustified does not dismiss it alone: a customer-service manager confirms the rejection,
   * whose ruling is the explanation the customer gets; the rejected case is in the spot-check
   * population before it closes.
   */
  @Test
  void anAgentsRejectionIsConfirmedByAManagerThenExplainedSampledAndClosed() {
    ProcessInstance pi = start(Map.of());
    complete(task(), withVariables("complaintValid", false, "triageNote", "Stored in the sun."));
    execute(job("ComplaintJustified"));
    assertThat(pi).isWaitingAt("RuleOnComplaint").hasNotPassed("ExplainToCustomer");
    assertThat(task()).hasCandidateGroup("cs-managers");
    claim(task(), "csmanager");
    complete(task(), withVariables("rulingAccepted", false, "rulingNote",
        "The bottle was stored in direct sunlight, which the label warns against."));
    assertThat(pi).variables().containsEntry("ruledBy", "csmanager")
        .containsEntry("complaintValid", false);
    assertThat(pi).isWaitingAt("ExplainToCustomer");
    execute(job());
    assertThat(notices).singleElement().satisfies(notice -> {
      assertThat(notice.kind()).isEqualTo("EXPLANATION");
      assertThat(notice.message()).contains("direct sunlight");
    });
    assertThat(pi).hasPassed("DrawSpotCheckSample");
    execute(job());
    assertThat(pi).hasNotPassed("ResolveComplaint", "RecordFeedback").hasPassed("CaseClosed")
        .isEnded();
    verify(register, times(2)).recordTriage("CP-2611-0001", false, null, false);
  }

  /** The manager accepts a complaint the agent rejected: it is handled in its category. */
  @Test
  void aManagerAcceptsAComplaintTheAgentRejectedAndItIsHandled() {
    ProcessInstance pi = start(Map.of());
    complete(task(), withVariables("complaintValid", false, "triageNote", "Customer's fault."));
    execute(job("ComplaintJustified"));
    complete(task("RuleOnComplaint"), withVariables("rulingAccepted", true,
        "category", "NON_QUALITY", "rulingNote", "The carrier dropped it; accepted."));
    assertThat(pi).hasPassed("RulingGateway", "ComplaintAccepted").isWaitingAt("ProposeRemedy")
        .hasNotPassed("ExplainToCustomer").variables().containsEntry("complaintValid", true)
        .containsEntry("triageNote", "Customer's fault.");
    verify(register).recordTriage("CP-2611-0001", true, "NON_QUALITY", false);
  }

  /** A ruling without its decision or its reason keeps the manager's task open. */
  @Test
  void aRulingNeedsItsDecisionAndItsReason() {
    ProcessInstance pi = start(Map.of());
    complete(task(), withVariables("complaintValid", false, "triageNote", "Customer's fault."));
    execute(job("ComplaintJustified"));
    Task ruling = task("RuleOnComplaint");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.getTaskService()
        .complete(ruling.getId(), Map.of("rulingNote", "No.")))
        .hasMessageContaining("rulingAccepted");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.getTaskService()
        .complete(ruling.getId(), Map.of("rulingAccepted", true, "rulingNote", "Yes.")))
        .hasMessageContaining("category");
    assertThat(pi).isWaitingAt("RuleOnComplaint");
  }

  /**
   * No drastic default: a triage completed without its answer (an administrator's edit, a REST
   * client) is an incident naming the gateway, not a case explained away and closed; so is a
   * feedback without the customer's answer, not a new round.
   */
  @Test
  void aTriageWithoutItsAnswerIsAnIncidentNotAClosedCase() {
    ProcessInstance pi = start(Map.of());
    complete(task(), withVariables("triageNote", "Forgot to tick."));
    ProcessTests.failAsIncident(engine, pi.getId(), "ComplaintJustified", "complaintValid");
    assertThat(pi).isWaitingAt("ComplaintJustified").hasNotPassed("ExplainToCustomer",
        "RuleOnComplaint");
    assertThat(notices).isEmpty();
  }

  @Test
  void feedbackWithoutTheCustomersAnswerIsAnIncidentNotANewRound() {
    ProcessInstance pi = resolvedWithoutRemedy();
    complete(task(), withVariables("satisfactionAttitude", "AVERAGE", "satisfactionSkill",
        "AVERAGE", "satisfactionTimeliness", "AVERAGE", "satisfactionPromise", "AVERAGE"));
    ProcessTests.failAsIncident(engine, pi.getId(), "CustomerAccepts", "customerAccepted");
    assertThat(pi).isWaitingAt("CustomerAccepts").hasNotPassed("OpenNewRound", "ToBeSampled");
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
    // SPEC §1.5: the report goes to the vice president, whose instruction comes first
    assertThat(task()).hasDefinitionKey("InstructOnInvestigation")
        .hasCandidateGroup("vice-presidents").hasDueDate(at("2026-11-23T19:30:00+08:00"));
    complete(task(), withVariables("vpInstruction", "Refund in full; audit line 3."));
    assertThat(pi).hasPassed("PenaltyApproved").hasNotPassed("RecordNegligencePenalty");
    assertThat(task()).hasCandidateGroup("sales").hasDefinitionKey("ProposeRemedy");
    complete(task(), withVariables("remedy", "COMPENSATION", "compensationAmount", 3000,
        "remedyNote", "We refund 3000 CNY."));
    execute(job("RemedyKind"));
    assertThat(pi).hasPassed("DetermineApprover").isWaitingAt("ApproveRemedy")
        .variables().containsEntry("approverGroup", "vice-presidents");
    assertThat(task()).hasCandidateGroup("vice-presidents");
    complete(task(), withVariables("approved", true, "approvalNote", "Agreed."));

    // SPEC §2.7, §8.2: the approved money becomes a discount certificate in product returns
    assertThat(pi).isWaitingAt("IssueDiscountCertificate");
    execute(job());
    assertThat(returnsStarted).singleElement().satisfies(handed -> assertThat(handed)
        .containsEntry("handling", "COMPENSATION").containsEntry("settlementAmount", 3000)
        .containsEntry("remedyApprovedBy", "vice-presidents")
        .containsEntry("complaintNumber", "CP-2611-0001"));
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
        "VERY_SATISFIED", null, false, true)); // the improvement is tracked (SPEC §1.5)
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
    assertThat(pi).isWaitingAt("IssueDiscountCertificate");
    execute(job());
    assertThat(returnsStarted).singleElement().satisfies(handed -> assertThat(handed)
        .containsEntry("handling", "COMPENSATION").containsEntry("settlementAmount", 6000)
        .containsEntry("remedyApprovedBy", "general-managers"));
    assertThat(pi).isWaitingAt("TellOutcome");
  }

  @Test
  void aReturnRequestIsHandedToProductReturnAndLearnsARejection() {
    ProcessInstance pi = triage("RETURN_REQUEST");
    assertThat(pi).isWaitingAt("HandReturnOver");
    execute(job("HandReturnOver"));
    assertThat(returnsStarted).singleElement().satisfies(handed -> assertThat(handed)
        .containsEntry("handling", null).doesNotContainKey("settlementAmount"));
    assertThat(pi).isWaitingAt("AwaitReturnForm").variables()
        .containsEntry("returnNumber", "RT-2611-0001");
    formDecided("RT-2611-0001", "REJECT", "REJECTED");
    assertThat(pi).hasPassed("AwaitReturnForm").isWaitingAt("TellOutcome").variables()
        .containsEntry("returnDecision", "REJECT").containsEntry("returnFormStatus", "REJECTED");
    execute(job());
    assertThat(notices).extracting(CustomerNotice::kind).containsExactly("OUTCOME");
    assertThat(notices.get(0).message()).contains("return decision: Rejected");
  }

  @Test
  void theComplaintClosesOnceTheReturnFormIsApprovedWhileTheGoodsAreOnTheirWay() {
    ProcessInstance pi = triage("NON_QUALITY");
    complete(task(), withVariables("remedy", "REPROCESS", "remedyNote", "We rework the batch."));
    execute(job("RemedyKind"));
    assertThat(pi).isWaitingAt("HandReturnOver").hasNotPassed("DetermineApprover");
    execute(job("HandReturnOver"));
    assertThat(returnsStarted).singleElement().satisfies(handed -> assertThat(handed)
        .containsEntry("handling", "REPROCESS"));
    formDecided("RT-2611-0001", "RETURN", "APPROVED");
    execute(job());
    assertThat(notices.get(0).message()).contains("return decision: Return");
    acceptFeedback();
    execute(job());
    assertThat(pi).hasPassed("AwaitReturnForm", "CaseClosed").isEnded();
  }

  @Test
  void anExchangeReturnsTheGoodsThroughProductReturn() {
    ProcessInstance pi = triage("NON_QUALITY");
    complete(task(), withVariables("remedy", "EXCHANGE", "remedyNote", "New bottles for old."));
    execute(job("RemedyKind"));
    assertThat(pi).hasPassed("ReturnHandOver").isWaitingAt("HandReturnOver");
    execute(job("HandReturnOver"));
    assertThat(returnsStarted).singleElement().satisfies(handed -> assertThat(handed)
        .containsEntry("handling", "EXCHANGE"));
    assertThat(pi).isWaitingAt("AwaitReturnForm");
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
    SpinJsonNode people = Spin.JSON("[{\"label\":\"赵磊 Zhao Lei\",\"value\":\"EM-0000-0002\"}]");
    when(staffChoices.employees()).thenReturn(people);
    ProcessInstance pi = triage("SERVICE_CONDUCT");
    assertThat(pi).isWaitingAt("RecordResponsibility");
    assertThat(task()).hasCandidateGroup("management-office");
    assertThat(String.valueOf(engine.getTaskService().getVariable(task().getId(),
        "employeeOptions"))).as("the person is chosen from CareFlow's employee records (§8.3)")
        .isEqualTo(people.toString());
    complete(task(), withVariables("responsibleDepartment", "customer-service",
        "responsiblePerson", "EM-0000-0002", "disciplinaryKind", "WARNING",
        "disciplinaryResult", "A written warning was issued."));
    assertThat(pi).isWaitingAt("RecordConductAction");
    execute(job());
    assertThat(actionsRecorded).containsExactly(List.of("EM-0000-0002", "WARNING",
        "A written warning was issued.", "CP-2611-0001", "management-office"));
    execute(job());
    assertThat(notices).singleElement().extracting(CustomerNotice::message).asString()
        .contains("A written warning was issued.");
  }

  @Test
  void aMisunderstandingIsExplainedByTheManagementOffice() {
    ProcessInstance pi = triage("MISUNDERSTANDING");
    assertThat(pi).isWaitingAt("ExplainMisunderstanding");
    assertThat(task()).hasCandidateGroup("management-office");
    complete(task(), withVariables("explanation", "The price includes delivery.",
        "responsibleDepartment", "sales"));
    execute(job());
    assertThat(notices.get(0).message()).contains("The price includes delivery.");
    // every upheld complaint names its owner (SPEC §1.4): here the department that misled
    acceptFeedback();
    execute(job("ArchiveCase"));
    verify(register).recordOutcome(eq("CP-2611-0001"), argThat(outcome ->
        "sales".equals(outcome.responsibleDepartment())));
  }

  /**
   * SPEC §1.4: a complaint not about quality names its owner on the remedy, a
   * department (and a person) or an outside party chosen from the company's list; the register
   * keeps it for the monthly review.
   */
  @Test
  void aNonQualityComplaintIsChargedToTheOutsidePartySalesChoose() {
    ProcessInstance pi = triage("NON_QUALITY");
    complete(task(), withVariables("remedy", "NONE", "remedyNote", "The carrier apologises.",
        "responsibleKind", "EXTERNAL", "responsibleParty", "carrier"));
    // another company is involved: the vice president handles it jointly with the GM office
    // and that party, within the round's deadline (SPEC §1.4; 003 篇五 九(十二))
    assertThat(pi).isWaitingAt("HandleWithOutsideParty").hasNotPassed("RemedyKind");
    assertThat(task()).hasCandidateGroup("vice-presidents")
        .hasDueDate(at("2026-11-25T19:30:00+08:00"));
    complete(task(), withVariables("jointHandlingResult",
        "The carrier pays for the broken cartons.", "partyBears", 300.0));
    assertThat(pi).hasPassed("RemedyProposed");
    execute(job("RemedyKind"));
    execute(job());
    acceptFeedback();
    execute(job("ArchiveCase"));
    assertThat(pi).isEnded();
    verify(register).recordOutcome(eq("CP-2611-0001"), argThat(outcome ->
        "carrier".equals(outcome.responsibleDepartment())
            && outcome.responsiblePerson() == null));
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
    execute(job("ComplaintJustified"));
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
    execute(job("CustomerAccepts"));
    assertThat(pi).hasPassed("OpenNewRound").isWaitingAt("TriageComplaint")
        .variables().containsEntry("overdue", true).containsEntry("round", 2);
    verify(register).recordRound("CP-2611-0001", 2);
    // the customer rejected the result: a second complaint (二次投诉, SPEC §1.8)
    verify(register).markSecondComplaint("CP-2611-0001", "CP-2611-0001");
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
    execute(job("CustomerAccepts"));
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
    execute(job("ComplaintJustified"));
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
    assertThat(pi).hasPassed("SpotCheckComplaint", "SpotCheckPassed", "CaseClosed")
        .hasNotPassed("CorrectHandling").isEnded();
  }

  @Test
  void aFailedSpotCheckOrdersACorrectionByADateUntilTheOfficeConfirmsIt() {
    nextDraw = 0.05;
    ProcessInstance pi = resolvedWithoutRemedy();
    acceptFeedback();
    complete(task(), withVariables("verified", false, "findings", "The carrier was never asked.",
        "correctionGroup", "sales", "correctBy", "2026-11-27"));
    assertThat(pi).hasPassed("SpotCheckPassed", "CorrectionRound").isWaitingAt("CorrectHandling");
    assertThat(task()).hasCandidateGroup("sales").hasDueDate(
        Date.from(OffsetDateTime.parse("2026-11-27T23:59:59.999999999+08:00").toInstant()));
    complete(task(), withVariables("correctionNote", "Asked the carrier."));
    assertThat(task()).hasDefinitionKey("ConfirmCorrection").hasCandidateGroup("management-office");
    complete(task(), withVariables("correctionConfirmed", false,
        "confirmationNote", "No written answer from the carrier.", "correctBy", "2026-12-02"));
    assertThat(pi).hasPassed("CorrectionConfirmed").isWaitingAt("CorrectHandling");
    assertThat(task()).as("by the new date the office set").hasDueDate(
        Date.from(OffsetDateTime.parse("2026-12-02T23:59:59.999999999+08:00").toInstant()));
    complete(task(), withVariables("correctionNote", "The carrier's letter is attached."));
    complete(task(), withVariables("correctionConfirmed", true));
    assertThat(pi).isWaitingAt("ArchiveCase");
    execute(job());
    assertThat(pi).isEnded();
  }

  // --- Steps of the seeds (SPEC §1.2, §1.5, §1.9, §8.2, §8.3) ---

  @Test
  void aComplaintSettledOnTheSpotIsRecordedWithTheCustomersFeedbackAndCloses() {
    ProcessInstance pi = start(Map.of("channel", "IN_PERSON", "resolvedOnFirstContact", true));
    assertThat(pi).hasPassed("SettledOnTheSpot").isWaitingAt("RecordSpotSettlement")
        .hasNotPassed("TriageComplaint");
    assertThat(task()).isAssignedTo("agent").hasDueDate(at("2026-11-20T20:30:00+08:00"));
    complete(task(), withVariables("complaintValid", true, "category", "NON_QUALITY",
        "spotResolution", "Swapped the dented can at the counter.",
        "satisfactionAttitude", "VERY_SATISFIED", "satisfactionSkill", "SATISFIED",
        "satisfactionTimeliness", "VERY_SATISFIED", "satisfactionPromise", "SATISFIED"));
    assertThat(pi).hasPassed("DrawSpotCheckSample").isWaitingAt("ArchiveCase").variables()
        .containsEntry("customerAccepted", true);
    execute(job());
    assertThat(pi).isEnded();
    verify(register).recordTriage("CP-2611-0001", true, "NON_QUALITY", false);
    verify(register).recordOutcome("CP-2611-0001", new ComplaintRegister.Outcome(null, null,
        null, "VERY_SATISFIED", "SATISFIED", "VERY_SATISFIED", "SATISFIED", null, null, null));
  }

  @Test
  void aSevereCaseIsPutBeforeAVicePresidentAtOnceWhileItsHandlingGoesOn() {
    ProcessInstance pi = start(Map.of());
    complete(task(), withVariables("complaintValid", true, "category", "SERVICE_CONDUCT",
        "specialCase", false, "triageNote", "Abusive driver", "severe", true));
    execute(job("ComplaintJustified"));
    // a complaint about a colleague: a customer-service manager rules on it first (SPEC §1.4)
    assertThat(pi).isWaitingAt("RuleOnComplaint", "ReviewSevereCase");
    complete(task("RuleOnComplaint"), withVariables("rulingAccepted", true,
        "rulingNote", "Accepted: the driver was abusive."));
    assertThat(pi).isWaitingAt("RecordResponsibility", "ReviewSevereCase");
    assertThat(task("ReviewSevereCase")).hasCandidateGroup("vice-presidents")
        .hasDueDate(at("2026-11-23T19:30:00+08:00"));
    complete(task("ReviewSevereCase"), withVariables("severeCaseInstruction",
        "Suspend the driver pending the office's finding."));
    assertThat(pi).hasPassed("SevereCaseReviewed").isWaitingAt("RecordResponsibility");
  }

  @Test
  void anIndividualPenaltyForNegligenceIsWrittenOnceTheVicePresidentApprovesIt() {
    ProcessInstance pi = triage("PRODUCT_QUALITY");
    complete(task(), withVariables("rootCause", "The line was left unsealed overnight",
        "responsibleDepartment", "quality", "responsiblePerson", "EM-0000-0007",
        "correctiveAction", "Night checklist", "humanNegligence", true,
        "punishIndividually", true, "penaltyKind", "DEMERIT", "penalizedPerson", "EM-0000-0007"));
    complete(task(), withVariables("vpInstruction", "Agreed.", "penaltyApproved", true));
    assertThat(pi).hasPassed("PenaltyApproved").isWaitingAt("RecordNegligencePenalty");
    execute(job());
    assertThat(actionsRecorded).containsExactly(List.of("EM-0000-0007", "DEMERIT",
        "The line was left unsealed overnight", "CP-2611-0001", "vice-presidents"));
    assertThat(pi).hasPassed("RecordNegligencePenalty").isWaitingAt("ProposeRemedy");
  }

  @Test
  void aPenaltyTheVicePresidentDoesNotApproveIsNotWritten() {
    ProcessInstance pi = triage("PRODUCT_QUALITY");
    complete(task(), withVariables("rootCause", "Unsealed overnight", "correctiveAction", "Check",
        "humanNegligence", true, "punishIndividually", true, "penaltyKind", "WARNING",
        "penalizedPerson", "EM-0000-0007"));
    complete(task(), withVariables("vpInstruction", "Train, do not punish.",
        "penaltyApproved", false));
    assertThat(pi).hasPassed("PenaltyApproved").hasNotPassed("RecordNegligencePenalty")
        .isWaitingAt("ProposeRemedy");
    assertThat(actionsRecorded).isEmpty();
  }

  @Test
  void theSalespersonCollectsAWithheldPaymentAndFinanceLeavesItOutOfTheBonusWhileTheCaseCloses() {
    ProcessInstance pi = withheldPaymentExplained();
    assertThat(pi).hasPassed("PaymentWithheld", "RecoverAndClose")
        .isWaitingAt("ArchiveCase", "RecoverReceivable", "ExcludeFromCollectionBonus");
    // SPEC §1.9 (003 篇五 九(十三)): the salesperson collects, in the collection period
    assertThat(task("RecoverReceivable")).hasCandidateGroup("sales")
        .hasDueDate(at("2026-12-04T19:30:00+08:00"));
    // (003 篇五 十三(二)3): finance leaves the amount out of the collection-rate bonus
    assertThat(task("ExcludeFromCollectionBonus")).hasCandidateGroup("finance");
    execute(job());
    verify(register).close(eq("CP-2611-0001"), any(), any(), eq(null));
    // concluded by its explanation: the closing limit does not mark it late
    ClockUtil.setCurrentTime(at("2026-12-05T19:31:00+08:00"));
    execute(timer(pi, "ClosingDeadlinePassed"));
    assertThat(pi).hasPassed("ClosedInTime").hasNotPassed("MarkClosingLate");
    complete(task("ExcludeFromCollectionBonus"), withVariables("bonusExclusionReference",
        "Bonus sheet 2026-12, line 14"));
    complete(task("RecoverReceivable"), withVariables("recoveredAmount", 1200.0,
        "recoveryVoucher", "R-88", "customerObjects", false));
    execute(job("CustomerObjects"));
    assertThat(pi).hasPassed("ReceivableRecovered", "ExclusionRecorded")
        .hasNotPassed("ReviewObjection").isEnded();
  }

  /** A customer who objects to paying goes to the sales manager (003 篇五 九(十三): 呈报上级). */
  @Test
  void aCustomersObjectionToPayingGoesToTheSalesManager() {
    ProcessInstance pi = withheldPaymentExplained();
    complete(task("RecoverReceivable"), withVariables("recoveredAmount", 0,
        "recoveryNote", "The customer refuses: the seal was broken on delivery.",
        "customerObjects", true));
    execute(job("CustomerObjects"));
    assertThat(pi).isWaitingAt("ReviewObjection");
    assertThat(task("ReviewObjection")).hasCandidateGroup("sales-managers");
    complete(task("ReviewObjection"), withVariables("objectionDecision",
        "Half is written off; the rest is collected next month."));
    assertThat(pi).hasPassed("ObjectionDecided");
  }

  /** The salesperson's answer without the objection's tick is an incident, not a silent end. */
  @Test
  void aCollectionWithoutTheObjectionAnswerIsAnIncident() {
    ProcessInstance pi = withheldPaymentExplained();
    complete(task("RecoverReceivable"), withVariables("recoveredAmount", 1200.0));
    ProcessTests.failAsIncident(engine, pi.getId(), "CustomerObjects", "customerObjects");
  }

  @Test
  void aNewRoundDoesNotRepeatTheLastRoundsOutcome() {
    ProcessInstance pi = resolvedWithoutRemedy();
    complete(task(), withVariables("customerAccepted", false,
        "satisfactionAttitude", "AVERAGE", "satisfactionSkill", "POOR",
        "satisfactionTimeliness", "SATISFIED", "satisfactionPromise", "POOR",
        "feedbackNote", "The carrier never called"));
    execute(job("CustomerAccepts"));
    assertThat(pi).isWaitingAt("TriageComplaint").variables()
        .doesNotContainKeys("remedy", "remedyNote", "category", "customerAccepted");
    complete(task(), withVariables("complaintValid", true, "category", "MISUNDERSTANDING",
        "specialCase", false, "triageNote", "The price includes delivery"));
    afterTriage();
    complete(task(), withVariables("explanation", "Delivery is part of the price."));
    notices.clear();
    execute(job());
    assertThat(notices).singleElement().extracting(CustomerNotice::message).asString()
        .contains("Delivery is part of the price.").doesNotContain("The carrier apologises.");
  }

  @Test
  void anImportantCaseIsKeptWithoutEnd() {
    ProcessInstance pi = start(Map.of());
    complete(task(), withVariables("complaintValid", true, "category", "NON_QUALITY",
        "triageNote", "Justified", "important", true));
    afterTriage();
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

  /**
   * A contact as registered, the notices of its registration forgotten (the customer is told
   * the case number and the handling date as the first round begins, SPEC §1.2).
   */
  private ProcessInstance start(Map<String, Object> overrides) {
    ProcessInstance pi = registered(overrides);
    notices.clear();
    return pi;
  }

  /** A contact as registered, nothing run yet. */
  private ProcessInstance registered(Map<String, Object> overrides) {
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
  private ProcessInstance triage(String category) {
    ProcessInstance pi = start(Map.of());
    assertThat(pi).isWaitingAt("TriageComplaint");
    complete(task(), withVariables("complaintValid", true, "category", category,
        "specialCase", false, "triageNote", "Justified"));
    execute(job("ComplaintJustified"));
    if ("SERVICE_CONDUCT".equals(category)) { // about a colleague: a manager rules (SPEC §1.4)
      assertThat(pi).isWaitingAt("RuleOnComplaint");
      complete(task(), withVariables("rulingAccepted", true, "rulingNote", "Accepted."));
    }
    return pi;
  }

  /** Triage's answer is read, then the category's (two asynchronous gateways, SPEC §1.4). */
  private void afterTriage() {
    execute(job("ComplaintJustified"));
  }

  /**
   * A complaint the manager ruled unjustified whose customer withheld 1 200 CNY, explained to the
   * customer: closing while the payment is collected (SPEC §1.9).
   */
  private ProcessInstance withheldPaymentExplained() {
    ProcessInstance pi = start(Map.of());
    complete(task(), withVariables("complaintValid", false, "triageNote", "Stored in the sun.",
        "paymentWithheld", true, "withheldAmount", 1200.0));
    confirmTheRejection();
    execute(job());
    return pi;
  }

  /** A customer-service manager confirms the agent's rejection (SPEC §1.4). */
  private void confirmTheRejection() {
    execute(job("ComplaintJustified"));
    complete(task("RuleOnComplaint"), withVariables("rulingAccepted", false,
        "rulingNote", "Stored in the sun."));
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
    execute(job("CustomerAccepts"));
  }

  /** The candidate groups of a task, assigned or not. */
  private List<String> candidateGroups(Task task) {
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
        .map(IdentityLink::getGroupId).toList();
  }

  /** What product-return tells the complaint when its form is decided. */
  private void formDecided(String returnNumber, String decision, String status) {
    engine.getRuntimeService().createMessageCorrelation("ReturnFormDecided")
        .processInstanceBusinessKey("CP-2611-0001")
        .setVariables(Map.of("returnNumber", returnNumber, "returnDecision", decision,
            "returnFormStatus", status))
        .correlate();
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
