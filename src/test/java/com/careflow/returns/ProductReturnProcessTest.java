package com.careflow.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.careflow.calendar.WorkingDayCalendar;
import com.careflow.calendar.CalendarProperties;
import com.careflow.notify.CustomerNotice;
import com.careflow.numbering.CaseNumbers;
import com.careflow.numbering.CaseNumbers.CaseNumber;
import com.careflow.returns.ReturnRegister.Claim;
import com.careflow.returns.ReturnRegister.Progress;
import com.careflow.support.Notices;
import com.careflow.support.ProcessTests;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.exception.NotValidException;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mockito.ArgumentCaptor;

/**
 * SPEC §2 on the product-return model: every gateway branch and loop, the eligibility decision
 * on computed days, reconciliation at the tolerance edge, the register and the customer's
 * notices, with the real delegates on the engine clock.
 */
@Deployment(resources = {
    "processes/product-return.bpmn",
    "processes/return-eligibility.dmn",
    "processes/complaint-approval-authority.dmn",
    "forms/approve-return-form.form",
    "forms/book-return.form",
    "forms/confirm-certificate-with-customer.form",
    "forms/investigate-return-claim.form",
    "forms/obtain-return-proof.form",
    "forms/prepare-return-form.form",
    "forms/receive-returned-goods.form",
    "forms/resolve-quantity-discrepancy.form",
    "forms/ship-replacement-goods.form",
    "forms/sign-discount-certificate.form"})
class ProductReturnProcessTest {

  /** Fails the class when a flow node or sequence flow of the model is left untested. */
  @RegisterExtension
  static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder()
      .configurationResource("process-test.camunda.cfg.xml")
      .excludeProcessDefinitionKeys(WaitingComplaint.KEY)
      .assertClassCoverageAtLeast(1.0)
      .build();

  /** Monday 23 November 2026, 10:00 in Shanghai: sales takes the return. */
  private static final Date MONDAY_MORNING = at("2026-11-23T10:00:00+08:00");

  private final List<CustomerNotice> notices = new ArrayList<>();
  private final ReturnRegister register = mock(ReturnRegister.class);
  private final CaseNumbers numbers = mock(CaseNumbers.class);
  private ProcessEngine engine;
  private WaitingComplaint complaints;

  @BeforeEach
  void registerDelegates() {
    engine = extension.getProcessEngine();
    AbstractAssertions.init(engine);
    ClockUtil.setCurrentTime(MONDAY_MORNING);
    when(numbers.next(eq("RT"), any(Instant.class))).thenReturn(new CaseNumber("RT", "2611", 7));
    CalendarProperties calendar = ProcessTests.weekdaysInShanghai();
    Mocks.register("registerReturn", new RegisterReturn(numbers, register, calendar));
    Mocks.register("workingDays", new WorkingDayCalendar(calendar));
    Mocks.register("countDaysSinceShipment", new CountDaysSinceShipment(calendar));
    Mocks.register("recordReturn", new RecordReturn(register, calendar));
    Mocks.register("checkReturnedQuantity", new CheckReturnedQuantity());
    Mocks.register("priceSettlement", new PriceSettlement());
    Mocks.register("tellCustomerAboutReturn", new TellCustomerAboutReturn(notices::add, Notices.in("en")));
    Mocks.register("reportReturnFormDecision", new ReportReturnFormDecision());
    complaints = new WaitingComplaint(engine);
  }

  @AfterEach
  void cleanUp() {
    complaints.undeploy();
    ProcessTests.reset();
  }

  // --- Registration (SPEC §2.1) ---

  @Test
  void aReturnIsNumberedRegisteredAndGoesToQualityDueInThreeDays() {
    ProcessInstance pi = start(Map.of());
    assertThat(pi).hasBusinessKey("RT-2611-0007").isWaitingAt("InvestigateReturnClaim")
        .variables().containsEntry("returnNumber", "RT-2611-0007")
        .containsEntry("requestedAt", MONDAY_MORNING);
    assertThat(task()).hasCandidateGroup("quality")
        .hasDueDate(at("2026-11-26T10:00:00+08:00"));
    ArgumentCaptor<Claim> claim = ArgumentCaptor.forClass(Claim.class);
    verify(register).insert(eq(new CaseNumber("RT", "2611", 7)), claim.capture(),
        eq(MONDAY_MORNING.toInstant()), eq(pi.getId()));
    assertThat(claim.getValue()).isEqualTo(new Claim(null, "Qian Li", "13900000000", null, null,
        "DOMESTIC", "SO-2611-300", "B-1107", LocalDate.parse("2026-11-05"),
        LocalDate.parse("2026-11-20"), "Sediment at the bottom of every bottle.", 120,
        null, "sales1"));
  }

  @Test
  void aReturnFromAComplaintIsClaimedOnTheDayTheComplaintWasRegistered() {
    Map<String, Object> fromComplaint = new HashMap<>(Map.of("complaintNumber", "CP-2611-0003",
        "registeredAt", at("2026-11-18T23:30:00+08:00"), "handling", "REPROCESS"));
    fromComplaint.put("claimedOn", null);
    ProcessInstance pi = start(fromComplaint);
    assertThat(pi).variables().containsEntry("claimedOn", "2026-11-18");
    ArgumentCaptor<Claim> claim = ArgumentCaptor.forClass(Claim.class);
    verify(register).insert(any(), claim.capture(), any(), any());
    assertThat(claim.getValue().complaintNumber()).isEqualTo("CP-2611-0003");
    assertThat(claim.getValue().claimedOn()).isEqualTo(LocalDate.parse("2026-11-18"));
  }

  @Test
  void aReturnFromSalesWithoutAClaimDateIsClaimedTodayInTheCompanysZone() {
    Map<String, Object> undated = new HashMap<>();
    undated.put("claimedOn", null);
    ProcessInstance pi = start(undated);
    assertThat(pi).variables().containsEntry("claimedOn", "2026-11-23");
  }

  // --- Eligibility (SPEC §2.2) ---

  @Test
  void aClaimThatIsNotFactualIsExplainedToTheCustomerAndClosedRejected() {
    ProcessInstance pi = start(Map.of());
    complete(task(), investigation("SEDIMENT", false, false, "2026-11-05",
        "The sediment is the fruit pulp named on the label."));
    assertThat(pi).hasPassed("CountDaysSinceShipment", "DecideEligibility")
        .isWaitingAt("ExplainRejection").variables()
        .containsEntry("daysSinceShipment", 15).containsEntry("returnDecision", "REJECT");
    verify(register).record(eq("RT-2611-0007"), any(Progress.class));
    execute(job());
    assertThat(notices).singleElement().satisfies(notice -> {
      assertThat(notice.caseNumber()).isEqualTo("RT-2611-0007");
      assertThat(notice.kind()).isEqualTo("RETURN_REJECTION");
      assertThat(notice.customerPhone()).isEqualTo("13900000000");
      assertThat(notice.message()).contains("cannot take the goods back",
          "The sediment is the fruit pulp named on the label.");
    });
    execute(job());
    assertThat(pi).hasPassedInOrder("ExplainRejection", "CloseRejectedReturn", "ReturnRejected")
        .hasNotPassed("PrepareReturnForm").isEnded();
    ArgumentCaptor<Progress> progress = ArgumentCaptor.forClass(Progress.class);
    verify(register).close(eq("RT-2611-0007"), progress.capture(), eq("REJECTED"),
        eq(MONDAY_MORNING.toInstant()));
    assertThat(progress.getValue().decision()).isEqualTo("REJECT");
    assertThat(progress.getValue().claimFactual()).isFalse();
    assertThat(progress.getValue().daysSinceShipment()).isEqualTo(15);
  }

  @Test
  void mouldFifteenDaysAfterTheOutboundDateIsAnUnconditionalReturnEvenFromBadStorage() {
    ProcessInstance pi = start(Map.of());
    complete(task(), investigation("MOLDY_PACKAGING", true, true, "2026-11-05", "Mould."));
    assertThat(pi).isWaitingAt("PrepareReturnForm").variables()
        .containsEntry("daysSinceShipment", 15)
        .containsEntry("returnDecision", "UNCONDITIONAL_RETURN");
    assertThat(task()).hasCandidateGroup("sales");
  }

  @Test
  void mouldSixteenDaysAfterTheOutboundDateFromBadStorageIsRejected() {
    ProcessInstance pi = start(Map.of());
    complete(task(), investigation("MOLDY_PACKAGING", true, true, "2026-11-04",
        "Stored in a damp cellar."));
    assertThat(pi).isWaitingAt("ExplainRejection").variables()
        .containsEntry("daysSinceShipment", 16).containsEntry("returnDecision", "REJECT");
  }

  @Test
  void theOutboundDateQualityConfirmsCountsNotTheOneSalesTyped() {
    ProcessInstance pi = start(Map.of("shippedOn", "2026-10-01"));
    complete(task(), investigation("MOLDY_PACKAGING", true, false, "2026-11-10", "Mould."));
    assertThat(pi).variables().containsEntry("daysSinceShipment", 10)
        .containsEntry("returnDecision", "UNCONDITIONAL_RETURN");
  }

  @Test
  void anOutboundDateAfterTheClaimIsRefusedAndQualitysTaskStaysOpen() {
    ProcessInstance pi = start(Map.of());
    Task investigation = task();
    assertThatThrownBy(() -> complete(investigation,
        investigation("SEDIMENT", true, false, "2026-11-21", "Sediment.")))
        .isInstanceOf(NotValidException.class)
        .hasMessageContaining("2026-11-21 is after the claim of 2026-11-20");
    assertThat(pi).isWaitingAt("InvestigateReturnClaim").hasNotPassed("DecideEligibility");
  }

  // --- Goods: form, approval, receipt, proof, reconciliation, booking (SPEC §2.3–§2.6) ---

  @Test
  void receivedWithinTheDefaultRatioIsBookedAsReceivedAndTheCustomerTold() {
    ProcessInstance pi = approvedReturn(Map.of(), "RETURN", 100, 12.5);
    assertThat(task()).hasCandidateGroup("warehouse");
    complete(task(), withVariables("receivedQuantity", 105L, "receiptNote", "5 extra cartons"));
    ArgumentCaptor<Progress> receipt = ArgumentCaptor.forClass(Progress.class);
    verify(register, times(2)).record(eq("RT-2611-0007"), receipt.capture());
    assertThat(receipt.getValue().receivedQuantity()).isEqualTo(105);
    assertThat(receipt.getValue().approvedQuantity()).isEqualTo(100);
    assertThat(pi).isWaitingAt("ObtainReturnProof");
    assertThat(task()).hasCandidateGroup("sales");
    complete(task(), withVariables("returnProof", "RETURN_CERTIFICATE",
        "proofReference", "XT-88"));
    assertThat(pi).hasPassed("CheckReturnedQuantity", "WithinTolerance")
        .hasNotPassed("ResolveQuantityDiscrepancy").isWaitingAt("BookReturn").variables()
        .containsEntry("quantityReconciled", true).containsEntry("appliedOverAcceptanceRatio", 0.05)
        .containsEntry("bookedQuantity", 105).containsEntry("settlementAmount", 1312.5);
    assertThat(task()).hasCandidateGroup("finance");
    complete(task(), withVariables("voucherNumber", "V-2611-0042"));
    execute(job());
    ArgumentCaptor<Progress> booked = ArgumentCaptor.forClass(Progress.class);
    verify(register).close(eq("RT-2611-0007"), booked.capture(), eq("SETTLED"),
        eq(MONDAY_MORNING.toInstant()));
    assertThat(booked.getValue()).isEqualTo(new Progress("SEDIMENT", true, false,
        LocalDate.parse("2026-11-05"), 15, "RETURN", "RETURN", 100, new BigDecimal("12.5"),
        105, "RETURN_CERTIFICATE", "XT-88", 105, null, null, new BigDecimal("1312.5"),
        "V-2611-0042"));
    assertThat(pi).variables().containsEntry("returnStatus", "SETTLED");
    execute(job());
    assertThat(pi).hasPassedInOrder("BookReturn", "SettleReturn", "TellSettlement",
        "ReturnSettled").isEnded();
    assertThat(notices).singleElement().satisfies(notice -> {
      assertThat(notice.kind()).isEqualTo("RETURN_SETTLEMENT");
      assertThat(notice.message()).contains("took back 105 units", "1312.50 CNY");
    });
  }

  @Test
  void oneUnitAboveTheDefaultRatioGoesToTheAuthorityForTheExcessWhoDecidesTheBookedQuantity() {
    ProcessInstance pi = receivedAndProven(Map.of(), 100, 106);
    assertThat(pi).hasPassed("DetermineDiscrepancyApprover")
        .isWaitingAt("ResolveQuantityDiscrepancy").variables()
        .containsEntry("quantityReconciled", false).containsEntry("acceptableQuantity", 105)
        .containsEntry("excessValue", 75.0).doesNotContainKey("bookedQuantity");
    assertThat(task()).as("6 units above the 100 approved, at 12.50 CNY: 75 CNY")
        .hasCandidateGroup("sales-managers");
    complete(task(), withVariables("bookedQuantity", 100L,
        "discrepancyNote", "Six cartons go back to the customer."));
    assertThat(pi).isWaitingAt("BookReturn").variables()
        .containsEntry("settlementAmount", 1250.0);
  }

  @Test
  void theCustomersOwnRatioReplacesTheCompanyDefaultExactlyAtItsEdge() {
    ProcessInstance pi = receivedAndProven(Map.of("overAcceptanceRatio", 0.1), 100, 110);
    assertThat(pi).hasNotPassed("ResolveQuantityDiscrepancy").isWaitingAt("BookReturn")
        .variables().containsEntry("appliedOverAcceptanceRatio", 0.1)
        .containsEntry("bookedQuantity", 110);
  }

  @Test
  void justAboveTheCustomersRatioIsEscalated() {
    ProcessInstance pi = receivedAndProven(Map.of("overAcceptanceRatio", 0.1), 100, 111);
    assertThat(pi).isWaitingAt("ResolveQuantityDiscrepancy");
  }

  @Test
  void lessThanApprovedIsBookedAtWhatArrived() {
    ProcessInstance pi = receivedAndProven(Map.of(), 100, 60);
    assertThat(pi).isWaitingAt("BookReturn").variables().containsEntry("bookedQuantity", 60)
        .containsEntry("settlementAmount", 750.0);
  }

  @Test
  void theApproverCannotBookMoreThanArrived() {
    ProcessInstance pi = receivedAndProven(Map.of(), 100, 120);
    Task decision = task();
    assertThatThrownBy(() -> complete(decision, withVariables("bookedQuantity", 121L,
        "discrepancyNote", "All of it.")))
        .isInstanceOf(NotValidException.class)
        .hasMessageContaining("between 0 and the 120 units received, not 121");
    assertThat(pi).isWaitingAt("ResolveQuantityDiscrepancy");
  }

  @Test
  void aReturnFormSentBackComesToSalesAgainWithTheNote() {
    ProcessInstance pi = eligibleReturn(Map.of());
    complete(task(), returnForm("REPROCESS", 100, 12.5));
    assertThat(pi).isWaitingAt("ApproveReturnForm");
    assertThat(task()).hasCandidateGroup("vice-presidents");
    complete(task(), withVariables("approved", false, "approvalNote", "Only 80 are affected."));
    assertThat(pi).hasPassed("ReturnFormApproved").isWaitingAt("PrepareReturnForm")
        .variables().containsEntry("approvalNote", "Only 80 are affected.");
    complete(task(), returnForm("REPROCESS", 80, 12.5));
    complete(task(), withVariables("approved", true, "approvalNote", "Agreed."));
    assertThat(pi).isWaitingAt("ReceiveReturnedGoods").variables()
        .containsEntry("approvedQuantity", 80L);
  }

  // --- Discount or compensation instead of goods (SPEC §2.7) ---

  @Test
  void aDiscountCertificateSignedPerTheAuthorityAndByTheCustomerIsBooked() {
    ProcessInstance pi = eligibleReturn(Map.of());
    complete(task(), discount("DISCOUNT", 800));
    assertThat(pi).hasPassed("DetermineCertificateSigner").isWaitingAt("SignDiscountCertificate");
    assertThat(task()).as("800 CNY: below 1000").hasCandidateGroup("sales-managers");
    complete(task(), withVariables("approved", true, "approvalNote", "Signed."));
    assertThat(pi).isWaitingAt("ConfirmCertificateWithCustomer");
    assertThat(task()).hasCandidateGroup("sales");
    complete(task(), withVariables("customerSigned", true, "customerNote", "Stamped."));
    assertThat(pi).hasNotPassed("ReceiveReturnedGoods", "CheckReturnedQuantity")
        .isWaitingAt("BookReturn").variables().containsEntry("settlementAmount", 800.0);
    complete(task(), withVariables("voucherNumber", "V-2611-0050"));
    execute(job());
    execute(job());
    assertThat(pi).hasPassed("ReturnSettled").isEnded();
    assertThat(notices).singleElement().extracting(CustomerNotice::message).asString()
        .contains("discount of 800.00 CNY");
  }

  @Test
  void aCertificateTheVicePresidentWillNotSignGoesBackToSales() {
    ProcessInstance pi = eligibleReturn(Map.of());
    complete(task(), discount("COMPENSATION", 3000));
    complete(task(), withVariables("approved", false, "approvalNote", "Offer a discount."));
    assertThat(pi).hasPassed("CertificateSigned").isWaitingAt("PrepareReturnForm");
  }

  @Test
  void aCertificateTheCustomerWillNotSignGoesBackToSalesAndMaySettleInGoods() {
    ProcessInstance pi = eligibleReturn(Map.of());
    complete(task(), discount("COMPENSATION", 500));
    complete(task(), withVariables("approved", true, "approvalNote", "Signed."));
    complete(task(), withVariables("customerSigned", false,
        "customerNote", "Wants the goods taken back."));
    assertThat(pi).hasPassed("CustomerSigned").isWaitingAt("PrepareReturnForm");
    complete(task(), returnForm("RETURN", 50, 10));
    assertThat(pi).isWaitingAt("ApproveReturnForm");
  }

  @Test
  void compensationIsToldAsCompensation() {
    ProcessInstance pi = eligibleReturn(Map.of());
    complete(task(), discount("COMPENSATION", 199.99));
    complete(task(), withVariables("approved", true, "approvalNote", "Signed."));
    complete(task(), withVariables("customerSigned", true, "customerNote", "Stamped."));
    complete(task(), withVariables("voucherNumber", "V-1"));
    execute(job());
    execute(job());
    assertThat(pi).isEnded();
    assertThat(notices.get(0).message()).contains("compensation of 199.99 CNY");
    verify(register, never()).close(any(), any(), eq("REJECTED"), any());
  }

  @Test
  void reprocessedGoodsAreToldAsReprocessed() {
    ProcessInstance pi = eligibleReturn(Map.of());
    complete(task(), returnForm("REPROCESS", 10, 3));
    complete(task(), withVariables("approved", true, "approvalNote", "Agreed."));
    complete(task(), withVariables("receivedQuantity", 10L));
    complete(task(), withVariables("returnProof", "ORIGINAL_INVOICE", "proofReference", "F-1"));
    complete(task(), withVariables("voucherNumber", "V-2"));
    execute(job());
    execute(job());
    assertThat(pi).isEnded();
    assertThat(notices.get(0).message()).contains("10 units for reprocessing", "30.00 CNY");
  }

  // --- One amount authority for every money decision (SPEC §1.6, §2.3, §2.5, §2.7) ---

  @ParameterizedTest(name = "{0} × {1} CNY goes to {2}")
  @CsvSource({"100, 6, sales-managers", "100, 30, vice-presidents",
      "100, 200, general-managers"})
  void aReturnFormIsApprovedByTheAuthorityForItsValue(long quantity, double price,
      String approver) {
    ProcessInstance pi = eligibleReturn(Map.of());
    complete(task(), returnForm("RETURN", quantity, price));
    assertThat(pi).hasPassed("DetermineFormApprover").isWaitingAt("ApproveReturnForm")
        .variables().containsEntry("formApproverGroup", approver);
    assertThat(task()).hasCandidateGroup(approver)
        .hasDueDate(at("2026-11-25T10:00:00+08:00"));
    complete(task(), withVariables("approved", true, "approvalNote", "Agreed."));
    assertThat(pi).isWaitingAt("ReceiveReturnedGoods");
  }

  @ParameterizedTest(name = "a certificate of {0} CNY is signed by {1}")
  @CsvSource({"600, sales-managers", "3000, vice-presidents", "20000, general-managers"})
  void aCertificateIsSignedByTheAuthorityForItsAmount(double amount, String signer) {
    ProcessInstance pi = eligibleReturn(Map.of());
    complete(task(), discount("COMPENSATION", amount));
    assertThat(pi).hasPassed("DetermineCertificateSigner").isWaitingAt("SignDiscountCertificate")
        .variables().containsEntry("certificateSignerGroup", signer);
    assertThat(task()).hasCandidateGroup(signer).hasDueDate(at("2026-11-25T10:00:00+08:00"));
    ArgumentCaptor<Progress> recorded = ArgumentCaptor.forClass(Progress.class);
    verify(register, times(2)).record(eq("RT-2611-0007"), recorded.capture());
    assertThat(recorded.getValue().handling()).isEqualTo("COMPENSATION");
  }

  @ParameterizedTest(name = "20 units too many at {0} CNY go to {1}")
  @CsvSource({"30, sales-managers", "150, vice-presidents", "1000, general-managers"})
  void aQuantityDiscrepancyIsResolvedByTheAuthorityForTheExcessValue(double price,
      String approver) {
    ProcessInstance pi = approvedReturn(Map.of(), "RETURN", 100, price);
    complete(task(), withVariables("receivedQuantity", 120L));
    complete(task(), withVariables("returnProof", "INVOICE_COPY", "proofReference", "F-9"));
    assertThat(pi).isWaitingAt("ResolveQuantityDiscrepancy").variables()
        .containsEntry("excessValue", 20 * price)
        .containsEntry("discrepancyApproverGroup", approver);
    assertThat(task()).hasCandidateGroup(approver).hasDueDate(at("2026-11-25T10:00:00+08:00"));
  }

  // --- The complaint learns the return form's decision at once (SPEC §2.8, §8.1) ---

  @Test
  void anApprovedFormIsToldToTheWaitingComplaintAndTheGoodsFollowOnTheirOwnClock() {
    ProcessInstance complaint = complaints.waiting("CP-2611-0003", "RT-2611-0007");
    ProcessInstance pi = eligibleReturn(fromComplaint("RETURN"));
    complete(task(), returnForm("RETURN", 100, 60));
    assertThat(task()).as("6000 CNY: above 5000").hasCandidateGroup("general-managers");
    complete(task(), withVariables("approved", true, "approvalNote", "Agreed."));
    assertThat(complaint).isWaitingAt("WaitForReturnForm");
    assertThat(pi).hasPassed("FormApprovedInComplaint").isWaitingAt("ReportFormApproved");
    execute(job());
    assertThat(complaint).isEnded();
    assertThat(complaints.told(complaint)).containsEntry("returnNumber", "RT-2611-0007")
        .containsEntry("returnDecision", "RETURN").containsEntry("returnFormStatus", "APPROVED");
    assertThat(pi).hasPassedInOrder("ReportFormApproved", "GoodsToReceive")
        .isWaitingAt("ReceiveReturnedGoods");
    assertThat(task()).hasCandidateGroup("warehouse");
  }

  @Test
  void aComplaintNowWaitingForAnotherReturnIsNotToldThisOnesDecision() {
    ProcessInstance nextRound = complaints.waiting("CP-2611-0003", "RT-2611-0099");
    ProcessInstance pi = eligibleReturn(fromComplaint("RETURN"));
    complete(task(), returnForm("RETURN", 10, 3));
    complete(task(), withVariables("approved", true, "approvalNote", "Agreed."));
    execute(job());
    assertThat(nextRound).as("its new round waits for RT-2611-0099, not this return")
        .isWaitingAt("WaitForReturnForm");
    assertThat(pi).hasPassed("ReportFormApproved").isWaitingAt("ReceiveReturnedGoods");
  }

  @Test
  void noComplaintWaitingIsNoErrorAndTheReturnGoesOn() {
    ProcessInstance pi = eligibleReturn(fromComplaint("REPROCESS"));
    complete(task(), returnForm("REPROCESS", 10, 3));
    complete(task(), withVariables("approved", true, "approvalNote", "Agreed."));
    execute(job());
    assertThat(pi).hasPassed("ReportFormApproved").isWaitingAt("ReceiveReturnedGoods");
    assertThat(engine.getRuntimeService().createIncidentQuery().count()).isZero();
  }

  @Test
  void aClaimRejectedByEligibilityIsToldToTheComplaintAsRejected() {
    ProcessInstance complaint = complaints.waiting("CP-2611-0003", "RT-2611-0007");
    ProcessInstance pi = start(fromComplaint("RETURN"));
    complete(task(), investigation("SEDIMENT", false, false, "2026-11-05", "Fruit pulp."));
    execute(job());
    execute(job());
    assertThat(complaint).isWaitingAt("WaitForReturnForm");
    assertThat(pi).hasPassedInOrder("ExplainRejection", "CloseRejectedReturn")
        .isWaitingAt("ReportReturnRejected");
    verify(register).close(eq("RT-2611-0007"), any(), eq("REJECTED"), any());
    execute(job());
    assertThat(complaints.told(complaint)).containsEntry("returnFormStatus", "REJECTED")
        .containsEntry("returnDecision", "REJECT").containsEntry("returnNumber", "RT-2611-0007");
    assertThat(pi).hasPassed("ReturnRejected").isEnded();
  }

  @Test
  void aFormRejectedForGoodIsExplainedClosedAndToldToTheComplaint() {
    ProcessInstance complaint = complaints.waiting("CP-2611-0003", "RT-2611-0007");
    ProcessInstance pi = eligibleReturn(fromComplaint("RETURN"));
    complete(task(), returnForm("RETURN", 100, 12.5));
    complete(task(), withVariables("approved", false, "finalRejection", true,
        "approvalNote", "The batch was sold as seconds, without return."));
    assertThat(pi).hasPassed("ReturnFormApproved").isWaitingAt("ExplainFormRejection");
    execute(job());
    assertThat(notices).singleElement().satisfies(notice -> {
      assertThat(notice.kind()).isEqualTo("RETURN_FORM_REJECTION");
      assertThat(notice.message()).contains("RT-2611-0007", "(complaint CP-2611-0003)",
          "cannot take the goods back", "sold as seconds");
    });
    execute(job());
    verify(register).close(eq("RT-2611-0007"), any(), eq("REJECTED"), any());
    execute(job());
    assertThat(complaints.told(complaint)).containsEntry("returnFormStatus", "REJECTED")
        .as("the customer is told the return was refused").containsEntry("returnDecision", "REJECT");
    assertThat(pi).hasPassedInOrder("ExplainFormRejection", "CloseRejectedReturn",
        "ReportReturnRejected", "ReturnRejected").isEnded();
  }

  @Test
  void aDirectReturnRejectedForGoodClosesWithoutAComplaintToTell() {
    ProcessInstance pi = eligibleReturn(Map.of());
    complete(task(), returnForm("RETURN", 100, 12.5));
    complete(task(), withVariables("approved", false, "finalRejection", true,
        "approvalNote", "Out of warranty."));
    execute(job());
    execute(job());
    assertThat(pi).hasPassed("RejectionClosed").hasNotPassed("ReportReturnRejected").isEnded();
    verify(register).close(eq("RT-2611-0007"), any(), eq("REJECTED"), any());
  }

  @Test
  void aComplaintsGoodsSettledByACertificateInsteadAreApprovedWhenTheCertificateIsSigned() {
    ProcessInstance complaint = complaints.waiting("CP-2611-0003", "RT-2611-0007");
    ProcessInstance pi = eligibleReturn(fromComplaint("RETURN"));
    complete(task(), discount("DISCOUNT", 3000));
    assertThat(task()).hasCandidateGroup("vice-presidents");
    complete(task(), withVariables("approved", true, "approvalNote", "Signed."));
    assertThat(pi).isWaitingAt("ReportCertificateSigned");
    execute(job());
    assertThat(complaints.told(complaint)).containsEntry("returnFormStatus", "APPROVED");
    assertThat(pi).hasPassed("CertificateToConfirm").isWaitingAt("ConfirmCertificateWithCustomer");
  }

  // --- A complaint's approved discount or compensation (SPEC §2.7, §8.2) ---

  @Test
  void aDiscountTheComplaintApprovedGoesStraightToTheCertificateAndToFinance() {
    ProcessInstance complaint = complaints.waiting("CP-2611-0003", "RT-2611-0007");
    Map<String, Object> approved = fromComplaint("DISCOUNT");
    approved.put("settlementAmount", 6000.0);
    approved.put("remedyApprovedBy", "general-managers");
    ProcessInstance pi = start(approved);
    assertThat(pi).hasPassed("SettledInComplaint", "DetermineCertificateSigner")
        .hasNotPassed("InvestigateReturnClaim", "DecideEligibility", "PrepareReturnForm")
        .isWaitingAt("SignDiscountCertificate").variables()
        .containsEntry("discountAmount", 6000.0);
    assertThat(task()).as("6000 CNY: the general manager signs")
        .hasCandidateGroup("general-managers");
    complete(task(), withVariables("approved", true, "approvalNote", "Signed."));
    assertThat(pi).hasNotPassed("ReportCertificateSigned")
        .isWaitingAt("ConfirmCertificateWithCustomer");
    complete(task(), withVariables("customerSigned", true, "customerNote", "Stamped."));
    assertThat(pi).isWaitingAt("BookReturn").variables().containsEntry("settlementAmount", 6000.0);
    assertThat(task()).hasCandidateGroup("finance");
    complete(task(), withVariables("voucherNumber", "V-2611-0077"));
    execute(job());
    ArgumentCaptor<Progress> booked = ArgumentCaptor.forClass(Progress.class);
    verify(register).close(eq("RT-2611-0007"), booked.capture(), eq("SETTLED"), any());
    assertThat(booked.getValue().handling()).isEqualTo("DISCOUNT");
    assertThat(booked.getValue().settlementAmount()).isEqualByComparingTo("6000");
    assertThat(booked.getValue().voucherNumber()).isEqualTo("V-2611-0077");
    execute(job());
    assertThat(pi).hasPassed("TellSettlement").isEnded();
    assertThat(notices).singleElement().extracting(CustomerNotice::message).asString()
        .contains("discount of 6000.00 CNY", "(complaint CP-2611-0003)");
    assertThat(complaint).as("the complaint does not wait for its money")
        .isWaitingAt("WaitForReturnForm");
  }

  @Test
  void aCompensationTheComplaintApprovedIsSignedPerTheAuthorityForItsAmount() {
    Map<String, Object> approved = fromComplaint("COMPENSATION");
    approved.put("settlementAmount", 600.0);
    approved.put("remedyApprovedBy", "sales-managers");
    ProcessInstance pi = start(approved);
    assertThat(pi).isWaitingAt("SignDiscountCertificate");
    assertThat(task()).hasCandidateGroup("sales-managers");
  }

  @Test
  void aDiscountAskedForWithoutTheComplaintsApprovalIsInvestigatedAsAnyClaim() {
    ProcessInstance pi = start(fromComplaint("DISCOUNT"));
    assertThat(pi).hasPassed("SettledInComplaint").isWaitingAt("InvestigateReturnClaim");
  }

  // --- Exchange (SPEC §1.6 EXCHANGE, §8.1) ---

  @Test
  void anExchangeTakesTheGoodsBackShipsReplacementsAndBooksNothingWhenAllAreReplaced() {
    ProcessInstance complaint = complaints.waiting("CP-2611-0003", "RT-2611-0007");
    ProcessInstance pi = eligibleReturn(fromComplaint("EXCHANGE"));
    complete(task(), returnForm("EXCHANGE", 100, 12.5));
    assertThat(pi).hasPassed("DetermineFormApprover").isWaitingAt("ApproveReturnForm");
    complete(task(), withVariables("approved", true, "approvalNote", "Agreed."));
    execute(job());
    assertThat(complaints.told(complaint)).containsEntry("returnFormStatus", "APPROVED");
    complete(task(), withVariables("receivedQuantity", 100L));
    complete(task(), withVariables("returnProof", "RETURN_CERTIFICATE", "proofReference", "X-1"));
    assertThat(pi).hasPassed("ReadyToBook", "IsExchange").isWaitingAt("ShipReplacementGoods")
        .variables().containsEntry("bookedQuantity", 100);
    assertThat(task()).hasCandidateGroup("warehouse")
        .hasDueDate(at("2026-11-26T10:00:00+08:00"));
    complete(task(), withVariables("replacementQuantity", 100L, "dispatchNumber", "DN-2611-15",
        "shipmentNote", "Same batch size."));
    ArgumentCaptor<Progress> shipped = ArgumentCaptor.forClass(Progress.class);
    verify(register, times(3)).record(eq("RT-2611-0007"), shipped.capture());
    assertThat(shipped.getValue().replacementQuantity()).isEqualTo(100);
    assertThat(shipped.getValue().dispatchNumber()).isEqualTo("DN-2611-15");
    assertThat(pi).hasPassed("ReadyToPrice").isWaitingAt("BookReturn").variables()
        .containsEntry("settlementAmount", 0.0);
    complete(task(), withVariables("voucherNumber", "V-2611-0090"));
    execute(job());
    execute(job());
    assertThat(pi).hasPassed("ReturnSettled").isEnded();
    assertThat(notices).singleElement().extracting(CustomerNotice::message).asString()
        .contains("took back 100 units", "shipped you 100 replacement units", "DN-2611-15",
            "0.00 CNY");
  }

  @Test
  void anExchangeShortOfReplacementsCreditsTheUnitsNotReplaced() {
    ProcessInstance pi = approvedReturn(Map.of(), "EXCHANGE", 100, 12.5);
    complete(task(), withVariables("receivedQuantity", 100L));
    complete(task(), withVariables("returnProof", "INVOICE_COPY", "proofReference", "F-3"));
    complete(task(), withVariables("replacementQuantity", 90L, "dispatchNumber", "DN-7"));
    assertThat(pi).isWaitingAt("BookReturn").variables().containsEntry("settlementAmount", 125.0);
  }

  @Test
  void theWarehouseCannotShipMoreReplacementsThanWereBooked() {
    ProcessInstance pi = approvedReturn(Map.of(), "EXCHANGE", 100, 12.5);
    complete(task(), withVariables("receivedQuantity", 60L));
    complete(task(), withVariables("returnProof", "INVOICE_COPY", "proofReference", "F-4"));
    Task shipment = task();
    assertThatThrownBy(() -> complete(shipment, withVariables("replacementQuantity", 61L,
        "dispatchNumber", "DN-8")))
        .isInstanceOf(NotValidException.class)
        .hasMessageContaining("between 0 and the 60 units booked, not 61");
    assertThat(pi).isWaitingAt("ShipReplacementGoods");
  }

  // --- helpers ---

  private ProcessInstance start(Map<String, Object> overrides) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("customerName", "Qian Li");
    variables.put("customerPhone", "13900000000");
    variables.put("customerRegion", "DOMESTIC");
    variables.put("orderNumber", "SO-2611-300");
    variables.put("productBatch", "B-1107");
    variables.put("shippedOn", "2026-11-05");
    variables.put("claimedOn", "2026-11-20");
    variables.put("description", "Sediment at the bottom of every bottle.");
    variables.put("claimedQuantity", 120);
    variables.put("requestedBy", "sales1");
    variables.putAll(overrides);
    ProcessInstance pi = engine.getRuntimeService()
        .startProcessInstanceByKey("product-return", variables);
    assertThat(pi).isStarted();
    return pi;
  }

  /** What a complaint hands over (interface A): its number, the day it was registered, the remedy. */
  private static Map<String, Object> fromComplaint(String handling) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("complaintNumber", "CP-2611-0003");
    variables.put("registeredAt", at("2026-11-20T09:00:00+08:00"));
    variables.put("claimedOn", null);
    variables.put("handling", handling);
    return variables;
  }

  private static Map<String, Object> investigation(String defect, boolean factual,
      boolean storageFault, String shippedOn, String findings) {
    return withVariables("defectType", defect, "claimFactual", factual,
        "storageFault", storageFault, "shippedOn", shippedOn,
        "investigationFindings", findings);
  }

  private static Map<String, Object> returnForm(String handling, long quantity, double price) {
    return withVariables("handling", handling, "returnReason", "Sediment in the batch",
        "returnBasis", "Quality report Q-17", "approvedQuantity", quantity, "unitPrice", price);
  }

  private static Map<String, Object> discount(String handling, double amount) {
    return withVariables("handling", handling, "returnReason", "Minor defect",
        "returnBasis", "Quality report Q-18", "discountAmount", amount);
  }

  private ProcessInstance eligibleReturn(Map<String, Object> overrides) {
    ProcessInstance pi = start(overrides);
    complete(task(), investigation("SEDIMENT", true, false, "2026-11-05", "Sediment."));
    assertThat(pi).isWaitingAt("PrepareReturnForm").variables()
        .containsEntry("returnDecision", "RETURN");
    return pi;
  }

  private ProcessInstance approvedReturn(Map<String, Object> overrides, String handling,
      long quantity, double price) {
    ProcessInstance pi = eligibleReturn(overrides);
    complete(task(), returnForm(handling, quantity, price));
    assertThat(pi).isWaitingAt("ApproveReturnForm");
    complete(task(), withVariables("approved", true, "approvalNote", "Agreed."));
    assertThat(pi).isWaitingAt("ReceiveReturnedGoods");
    return pi;
  }

  private ProcessInstance receivedAndProven(Map<String, Object> overrides, long approved,
      long received) {
    ProcessInstance pi = approvedReturn(overrides, "RETURN", approved, 12.5);
    complete(task(), withVariables("receivedQuantity", received));
    complete(task(), withVariables("returnProof", "INVOICE_COPY", "proofReference", "F-9"));
    return pi;
  }

  private static Date at(String offsetDateTime) {
    return Date.from(OffsetDateTime.parse(offsetDateTime).toInstant());
  }
}
