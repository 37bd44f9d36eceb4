package com.careflow.promotion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.claim;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.careflow.calendar.CalendarProperties;
import com.careflow.calendar.WorkingDayCalendar;
import com.careflow.employee.Appraisal;
import com.careflow.employee.Employee;
import com.careflow.employee.EmployeeHistory.CertificateKind;
import com.careflow.employee.EmployeeHistory.CourseLevel;
import com.careflow.employee.EmployeeHistory.DisciplinaryKind;
import com.careflow.employee.EmployeeHistory.PerformanceScore;
import com.careflow.employee.EmployeeRecords;
import com.careflow.employee.EmployeeRecords.Hire;
import com.careflow.numbering.CaseNumbers;
import com.careflow.numbering.CaseNumbers.CaseNumber;
import com.careflow.promotion.Promotion.Material;
import com.careflow.promotion.Promotion.PromotionType;
import com.careflow.promotion.Promotion.Status;
import com.careflow.promotion.Promotion.Track;
import com.careflow.support.ProcessTests;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * SPEC §4 on the staff-promotion model with the real delegates, the real decision and the
 * records on the process engine's own database (CareFlow's migrations applied to it): the
 * facts computed from the records, an ineligible nomination, each approver, approval and
 * rejection, the HR deadlines in working days, a competition ranked by the panel, and the
 * record updated on the effective date, all on the engine clock.
 */
@Deployment(resources = {
    "processes/staff-promotion.bpmn",
    "processes/promotion-eligibility.dmn",
    "forms/approve-promotion.form",
    "forms/assess-nominee.form",
    "forms/chase-overdue-promotion.form",
    "forms/publish-competition-results.form",
    "forms/publish-promotion-notice.form",
    "forms/score-candidate.form",
    "forms/write-evaluation-report.form"})
class StaffPromotionProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder()
      .configurationResource("process-test.camunda.cfg.xml")
      .assertClassCoverageAtLeast(1.0)
      .build();

  /** Monday 23 November 2026, 10:00 in Shanghai. */
  private static final Date MONDAY_MORNING = at("2026-11-23T10:00:00+08:00");
  private static final LocalDate TODAY = LocalDate.parse("2026-11-23");

  /** The process engine's database (process-test.camunda.cfg.xml), with CareFlow's tables. */
  private static DataSource database;

  private final CaseNumbers numbers = mock(CaseNumbers.class);
  private final Appraisal appraisal = mock(Appraisal.class);
  private final AtomicInteger serial = new AtomicInteger();
  private EmployeeRecords records;
  private PromotionRegister register;
  private ProcessEngine engine;

  @BeforeAll
  static void migrate() {
    database = new DriverManagerDataSource("jdbc:h2:mem:process-tests;DB_CLOSE_DELAY=1000", "sa",
        "");
    Flyway.configure().dataSource(database).baselineOnMigrate(true).baselineVersion("0").load()
        .migrate();
  }

  @BeforeEach
  void registerDelegates() {
    engine = extension.getProcessEngine();
    AbstractAssertions.init(engine);
    ClockUtil.setCurrentTime(MONDAY_MORNING);
    JdbcTemplate jdbc = new JdbcTemplate(database);
    for (String table : List.of("promotion", "promotion_competition", "employee_training_result",
        "employee_performance_score", "employee_disciplinary_action", "employee_certificate",
        "employee_course_result", "employee")) {
      jdbc.update("DELETE FROM " + table);
    }
    NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(database);
    records = new EmployeeRecords(named);
    register = new PromotionRegister(named);
    when(numbers.next(anyString(), any(Instant.class))).thenAnswer(call ->
        new CaseNumber(call.getArgument(0), "2611", serial.incrementAndGet()));
    CalendarProperties calendar = ProcessTests.weekdaysInShanghai();
    Mocks.register("registerNomination", new RegisterNomination(numbers, register, records));
    Mocks.register("registerCompetition", new RegisterCompetition(numbers, register, calendar));
    Mocks.register("listCandidates", new ListCandidates(register));
    Mocks.register("collectEligibilityFacts", new CollectEligibilityFacts(register, records,
        new PromotionProperties(5), calendar));
    Mocks.register("recordEligibility", new RecordEligibility(register));
    Mocks.register("recordPanelScore", new RecordPanelScore(register));
    Mocks.register("rankCandidates", new RankCandidates(register));
    Mocks.register("recordPromotionDecision", new RecordPromotionDecision(register, calendar));
    Mocks.register("applyPromotion", new ApplyPromotion(register, records));
    Mocks.register("workingDays", new WorkingDayCalendar(calendar));
    when(appraisal.satisfactionSummary(anyString())).thenAnswer(call ->
        "2026-10 (3 rated): attitude very satisfied 2 (" + call.getArgument(0) + ")");
    Mocks.register("appraisal", appraisal);
  }

  @AfterEach
  void cleanUp() {
    ProcessTests.reset();
  }

  // --- eligibility (SPEC §4.2) from the records ---

  @Test
  void anIneligibleNomineesNominatorIsToldEveryUnmetConditionAndNothingElseHappens() {
    String probationer = employee("EM-2611-0901", 1, 1, null);
    ProcessInstance pi = nominate(probationer, "POSITION", "PERIODIC", 3);
    assertThat(pi).hasPassed("RecordEligibility", "NomineeIneligible")
        .hasNotPassed("AssessNominee").isEnded();
    @SuppressWarnings("unchecked")
    List<String> unmet = (List<String>) engine.getHistoryService()
        .createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName("unmetConditions").singleResult().getValue();
    assertThat(unmet).containsExactlyInAnyOrder("PROBATION", "MONTHS_IN_GRADE", "PERFORMANCE",
        "LECTURER_CERTIFICATE", "JUNIOR_COURSE", "SKIP_LEVEL");
    Promotion promotion = register.find(pi.getBusinessKey()).orElseThrow();
    assertThat(promotion.status()).isEqualTo(Status.INELIGIBLE);
    assertThat(promotion.unmetConditions()).containsExactlyInAnyOrderElementsOf(unmet);
  }

  @Test
  void theFactsComeFromTheRecordsOverTheRightWindows() {
    String agent = eligibleAgent("EM-2611-0902");
    // outside the windows: the current month's score, one 13 months back, an action 7 months ago
    records.recordPerformanceScore(agent, score(YearMonth.of(2026, 11), "10"));
    records.recordPerformanceScore(agent, score(YearMonth.of(2025, 10), "10"));
    records.addDisciplinaryAction(agent, TODAY.minusMonths(7), DisciplinaryKind.WARNING, "Late",
        "hr", Instant.now());
    ProcessInstance pi = nominate(agent, "POSITION", "PERIODIC", 3);
    assertThat(pi).isWaitingAt("AssessNominee").variables()
        .containsEntry("employmentStatus", "REGULAR").containsEntry("monthsInGrade", 8)
        .containsEntry("avgPerformanceScore", 85.0).containsEntry("disciplinaryActions6m", 0)
        .containsEntry("hasLecturerCertificate", true).containsEntry("atTopPayLevel", false)
        .containsEntry("juniorCourseScore", 75.0).containsEntry("currentGrade", 2)
        .containsEntry("targetGrade", 3).containsEntry("unmetConditions", List.of())
        .containsEntry("employeeName", "Agent " + agent);
    Promotion promotion = register.find(pi.getBusinessKey()).orElseThrow();
    assertThat(promotion.status()).isEqualTo(Status.IN_REVIEW);
    assertThat(promotion.facts().avgPerformanceScore()).isEqualByComparingTo("85");
    assertThat(promotion.material().evaluation()).isEqualTo("Evaluation form.");
  }

  @Test
  void aDisciplinaryActionWithinSixMonthsMakesTheNomineeIneligible() {
    String agent = eligibleAgent("EM-2611-0903");
    records.addDisciplinaryAction(agent, TODAY.minusMonths(6).plusDays(1),
        DisciplinaryKind.DEMERIT, "Rude to a customer", "hr", Instant.now());
    ProcessInstance pi = nominate(agent, "POSITION", "PERIODIC", 3);
    assertThat(pi).isEnded();
    assertThat(register.find(pi.getBusinessKey()).orElseThrow().unmetConditions())
        .containsExactly("DISCIPLINE");
  }

  // --- PERIODIC / EXCEPTIONAL (SPEC §4.3) ---

  @Test
  void aPeriodicPositionPromotionIsAssessedApprovedByTheGeneralManagersAndTakesEffect() {
    String agent = eligibleAgent("EM-2611-0904");
    ProcessInstance pi = nominate(agent, "POSITION", "PERIODIC", 3);
    // Monday 23 November + 10 and 15 working days
    assertThat(task()).hasCandidateGroup("hr").hasDueDate(at("2026-12-07T10:00:00+08:00"));
    assertThat(engine.getTaskService().getVariable(task().getId(), "customerSatisfaction"))
        .as("SPEC §8.4: the assessor reads the customers' ratings of the nominee's cases")
        .isEqualTo("2026-10 (3 rated): attitude very satisfied 2 (" + agent + ")");
    complete(task(), withVariables("assessment", "Strong on complaint handling."));
    assertThat(task()).hasDefinitionKey("WriteEvaluationReport").hasCandidateGroup("hr")
        .hasDueDate(at("2026-12-14T10:00:00+08:00"));
    complete(task(), withVariables("evaluationReport", "Ready to lead a team.",
        "hrRecommendation", "APPROVE"));
    assertThat(task()).hasDefinitionKey("ApprovePromotion").hasCandidateGroup("general-managers");
    claim(task(), "gm");
    complete(task(), withVariables("approved", true, "decisionNote", "Agreed."));
    execute(job("PromotionApproved", pi)); // the answer is read after the task commits
    assertThat(task()).hasDefinitionKey("PublishPromotionNotice").hasCandidateGroup("hr");
    Task notice = task();
    assertThatThrownBy(() -> complete(notice, withVariables("effectiveDate", "2026-11-22",
        "notice", "Promoted.")))
        .hasMessageContaining("The effective date must be today or later");
    complete(notice, withVariables("effectiveDate", "2026-12-01", "notice", "Promoted."));
    Promotion approved = register.find(pi.getBusinessKey()).orElseThrow();
    assertThat(approved.status()).isEqualTo(Status.APPROVED);
    assertThat(approved.decision().decidedBy()).isEqualTo("gm");
    assertThat(approved.decision().note()).isEqualTo("Agreed.");
    assertThat(approved.decision().effectiveDate()).isEqualTo(LocalDate.parse("2026-12-01"));
    assertThat(pi).isWaitingAt("PromotionTakesEffect");
    assertThat(job().getDuedate()).isEqualTo(at("2026-12-01T00:00:00+08:00"));
    assertThat(records.find(agent).orElseThrow().grade()).isEqualTo(2);

    ClockUtil.setCurrentTime(at("2026-12-01T00:00:00+08:00"));
    execute(job());
    execute(job());
    assertThat(pi).hasPassed("ApplyPromotion", "Promoted").isEnded();
    Employee promoted = records.find(agent).orElseThrow();
    assertThat(promoted.grade()).isEqualTo(3);
    assertThat(promoted.payLevel()).isEqualTo(1);
    assertThat(promoted.position()).isEqualTo("Team lead");
    assertThat(promoted.gradeSince()).isEqualTo(LocalDate.parse("2026-12-01"));
    assertThat(register.find(pi.getBusinessKey()).orElseThrow().status())
        .isEqualTo(Status.EFFECTIVE);
  }

  @Test
  void aPayLevelPromotionGoesToTheHrManagersWhoMayRejectIt() {
    String agent = eligibleAgent("EM-2611-0905");
    ProcessInstance pi = nominate(agent, "PAY_LEVEL", "PERIODIC", null);
    assertThat(pi).variables().containsEntry("targetGrade", 2);
    complete(task(), withVariables("assessment", "Steady."));
    complete(task(), withVariables("evaluationReport", "Not yet.", "hrRecommendation", "REJECT"));
    assertThat(task()).hasCandidateGroup("hr-managers");
    claim(task(), "hrmanager");
    complete(task(), withVariables("approved", false,
        "decisionNote", "Raise the average above 90 first."));
    execute(job("PromotionApproved", pi)); // the answer is read after the task commits
    assertThat(pi).isWaitingAt("RecordRejection");
    execute(job());
    assertThat(pi).hasPassed("PromotionRejected").hasNotPassed("PublishPromotionNotice")
        .isEnded();
    Promotion rejected = register.find(pi.getBusinessKey()).orElseThrow();
    assertThat(rejected.status()).isEqualTo(Status.REJECTED);
    assertThat(rejected.decision().decidedBy()).isEqualTo("hrmanager");
    assertThat(rejected.decision().note()).isEqualTo("Raise the average above 90 first.");
    assertThat(rejected.targetPayLevel()).isEqualTo(3);
    assertThat(records.find(agent).orElseThrow().payLevel()).isEqualTo(2);
  }

  @Test
  void anApprovedPayLevelPromotionRaisesTheLevelInTheSameGrade() {
    String agent = eligibleAgent("EM-2611-0906");
    ProcessInstance pi = nominate(agent, "PAY_LEVEL", "PERIODIC", null);
    complete(task(), withVariables("assessment", "Good."));
    complete(task(), withVariables("evaluationReport", "Good.", "hrRecommendation", "APPROVE"));
    complete(task(), withVariables("approved", true, "decisionNote", "Yes."));
    execute(job("PromotionApproved", pi)); // the answer is read after the task commits
    complete(task(), withVariables("effectiveDate", "2026-11-23", "notice", "Pay level 3."));
    execute(job());
    execute(job());
    assertThat(pi).isEnded();
    Employee raised = records.find(agent).orElseThrow();
    assertThat(raised.grade()).isEqualTo(2);
    assertThat(raised.payLevel()).isEqualTo(3);
    assertThat(raised.position()).isEqualTo("Agent");
    assertThat(raised.gradeSince()).isEqualTo(TODAY);
  }

  @Test
  void anExceptionalPromotionMaySkipAGradeAndGoesToTheGeneralManagers() {
    String agent = eligibleAgent("EM-2611-0907");
    records.addCourseResult(agent, CourseLevel.INTERMEDIATE, new BigDecimal("72"),
        LocalDate.parse("2026-05-01"), "hr", Instant.now());
    ProcessInstance pi = nominate(agent, "POSITION", "EXCEPTIONAL", 4);
    assertThat(pi).isWaitingAt("AssessNominee").variables()
        .containsEntry("unmetConditions", List.of());
    complete(task(), withVariables("assessment", "Outstanding."));
    complete(task(), withVariables("evaluationReport", "Exceptional.",
        "hrRecommendation", "APPROVE"));
    assertThat(task()).hasCandidateGroup("general-managers");
  }

  @Test
  void hrWorkPastTenAndFifteenWorkingDaysIsChasedByTheHrManagers() {
    String agent = eligibleAgent("EM-2611-0908");
    ProcessInstance pi = nominate(agent, "POSITION", "PERIODIC", 3);
    ClockUtil.setCurrentTime(at("2026-12-07T10:01:00+08:00"));
    execute(job());
    assertThat(pi).isWaitingAt("AssessNominee", "ChaseOverdueAssessment");
    Task chase = taskQuery().taskDefinitionKey("ChaseOverdueAssessment").singleResult();
    assertThat(chase).hasCandidateGroup("hr-managers");
    complete(chase, withVariables("followUpNote", "HR promised it for tomorrow."));
    complete(task(), withVariables("assessment", "Late but done."));
    ClockUtil.setCurrentTime(at("2026-12-14T10:01:00+08:00"));
    execute(job());
    assertThat(pi).isWaitingAt("WriteEvaluationReport", "ChaseOverdueAssessment")
        .hasPassed("ReportOverdue");
  }

  // --- VACANCY (SPEC §4.4) ---

  @Test
  void aCompetitionRanksTheEligibleCandidatesAndPromotesTheBestUpToThePlaces() {
    ProcessInstance pi = openCompetition(2);
    String competition = pi.getBusinessKey();
    assertThat(competition).isEqualTo("VC-2611-0001");
    assertThat(pi).isWaitingAt("RegistrationCloses");
    assertThat(job().getDuedate()).isEqualTo(at("2026-12-01T00:00:00+08:00"));
    String first = candidate(competition, eligibleAgent("EM-2611-0911"));
    String third = candidate(competition, eligibleAgent("EM-2611-0912"));
    String second = candidate(competition, eligibleAgent("EM-2611-0913"));
    String probationer = candidate(competition, employee("EM-2611-0914", 2, 1, null));

    ClockUtil.setCurrentTime(at("2026-12-01T00:00:00+08:00"));
    execute(job());
    assertThat(register.findCompetition(competition).orElseThrow().status())
        .isEqualTo(Competition.Status.CLOSED);
    List<Task> scoring = taskQuery().taskDefinitionKey("ScoreCandidate").list();
    assertThat(scoring).hasSize(3);
    assertThat(scoring.get(0)).hasCandidateUser("gm").hasCandidateUser("hrmanager");
    assertThat(register.find(probationer).orElseThrow().status()).isEqualTo(Status.INELIGIBLE);
    Map<String, Integer> scores = Map.of(first, 90, second, 82, third, 75);
    Task anyScoring = scoring.get(0);
    assertThatThrownBy(() -> complete(anyScoring, withVariables("panelScore", 120,
        "panelNote", "x"))).hasMessageContaining("The panel's score must be 0 to 100");
    for (Task score : scoring) {
      String entry = (String) engine.getTaskService().getVariable(score.getId(), "promotionId");
      assertThat((String) engine.getTaskService().getVariable(score.getId(),
          "customerSatisfaction")).as("SPEC §8.4, for the panel")
          .endsWith("(" + register.find(entry).orElseThrow().employeeId() + ")");
      complete(score, withVariables("panelScore", scores.get(entry), "panelNote", "Interview."));
    }
    assertThat(pi).hasPassed("RankCandidates").isWaitingAt("PublishCompetitionResults");
    assertThat(task()).hasCandidateGroup("hr").hasDueDate(at("2026-12-04T00:00:00+08:00"));
    assertThat(register.find(first).orElseThrow().rank()).isEqualTo(1);
    assertThat(register.find(second).orElseThrow().status()).isEqualTo(Status.SELECTED);
    Promotion notSelected = register.find(third).orElseThrow();
    assertThat(notSelected.status()).isEqualTo(Status.NOT_SELECTED);
    assertThat(notSelected.rank()).isEqualTo(3);
    assertThat(notSelected.panelScore()).isEqualByComparingTo("75");

    complete(task(), withVariables("resultsNotice", "Results published."));
    assertThat(task()).hasDefinitionKey("ApprovePromotion").hasCandidateGroup("general-managers");
    claim(task(), "gm");
    complete(task(), withVariables("approved", true, "decisionNote", "Both approved."));
    execute(job("PromotionApproved", pi)); // the answer is read after the task commits
    complete(task(), withVariables("effectiveDate", "2026-12-01", "notice", "Two new leads."));
    execute(job());
    execute(job());
    assertThat(pi).hasPassed("Promoted").isEnded();
    assertThat(records.find(register.find(first).orElseThrow().employeeId()).orElseThrow())
        .satisfies(employee -> {
          assertThat(employee.grade()).isEqualTo(3);
          assertThat(employee.position()).isEqualTo("Customer-service team lead");
        });
    assertThat(records.find(register.find(third).orElseThrow().employeeId()).orElseThrow()
        .grade()).isEqualTo(2);
    assertThat(register.find(second).orElseThrow().status()).isEqualTo(Status.EFFECTIVE);
    assertThat(register.find(third).orElseThrow().status()).isEqualTo(Status.NOT_SELECTED);
  }

  @Test
  void aCompetitionWithoutAnEligibleCandidatePromotesNoOneAndLateResultsAreChased() {
    ProcessInstance pi = openCompetition(1);
    candidate(pi.getBusinessKey(), employee("EM-2611-0921", 2, 1, null));
    ClockUtil.setCurrentTime(at("2026-12-01T00:00:00+08:00"));
    execute(job());
    assertThat(pi).hasPassed("CandidateIneligible", "RankCandidates")
        .isWaitingAt("PublishCompetitionResults").variables()
        .containsEntry("selectedCount", 0);
    ClockUtil.setCurrentTime(at("2026-12-04T00:01:00+08:00"));
    execute(job());
    Task chase = taskQuery().taskDefinitionKey("ChaseOverdueResults").singleResult();
    assertThat(chase).hasCandidateGroup("hr-managers");
    complete(chase, withVariables("followUpNote", "Reminded HR."));
    complete(task(), withVariables("resultsNotice", "No candidate was eligible."));
    assertThat(pi).hasPassed("ResultsChased", "NoOneSelected").hasNotPassed("ApprovePromotion")
        .isEnded();
  }

  // --- helpers ---

  private ProcessInstance nominate(String employeeId, String type, String track,
      Integer targetGrade) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("employeeId", employeeId);
    variables.put("promotionType", type);
    variables.put("track", track);
    variables.put("targetGrade", targetGrade);
    variables.put("targetPosition", type.equals("POSITION") ? "Team lead" : null);
    variables.put("evaluation", "Evaluation form.");
    variables.put("selfReport", "Self-report.");
    variables.put("supervisorRecommendation", "Recommended.");
    variables.put("examples", "Handled the March recall.");
    variables.put("nominatedBy", "csmanager");
    ProcessInstance pi = engine.getRuntimeService()
        .startProcessInstanceByKey("staff-promotion", variables);
    assertThat(pi).isStarted();
    return pi;
  }

  private ProcessInstance openCompetition(int places) {
    ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey("staff-promotion",
        Map.of("promotionType", "POSITION", "track", "VACANCY",
            "post", "Customer-service team lead", "targetGrade", 3, "places", places,
            "eligibility", "Two years of complaint handling.", "closesOn", "2026-11-30",
            "panel", "gm,hrmanager", "nominatedBy", "hr"));
    assertThat(pi).isStarted();
    return pi;
  }

  /** Registers the employee for the competition, as the API does. */
  private String candidate(String competitionId, String employeeId) {
    Competition competition = register.findCompetition(competitionId).orElseThrow();
    Employee employee = records.find(employeeId).orElseThrow();
    CaseNumber id = numbers.next("PR", Instant.now());
    register.insert(id, new PromotionRegister.Entry(employeeId, PromotionType.POSITION,
        Track.VACANCY, competitionId, employee.grade(), competition.targetGrade(),
        employee.payLevel(), 1, competition.post(),
        new Material(null, "I want to lead.", null, null), employee.userId()),
        Instant.now(), competition.processInstanceId());
    return id.toString();
  }

  /** A regular grade-2 agent, pay level 2, meeting every condition for grade 3. */
  private String eligibleAgent(String id) {
    employee(id, 2, 2, LocalDate.parse("2026-03-01"));
    records.recordPerformanceScore(id, score(YearMonth.of(2026, 1), "80"));
    records.recordPerformanceScore(id, score(YearMonth.of(2026, 6), "90"));
    records.addCertificate(id, CertificateKind.INTERNAL_LECTURER, LocalDate.parse("2026-02-01"),
        "IL-1", "hr", Instant.now());
    records.addCourseResult(id, CourseLevel.JUNIOR, new BigDecimal("68"),
        LocalDate.parse("2026-01-10"), "hr", Instant.now());
    records.addCourseResult(id, CourseLevel.JUNIOR, new BigDecimal("75"),
        LocalDate.parse("2026-04-10"), "hr", Instant.now());
    return id;
  }

  /** An employee; on probation when {@code regularSince} is null. */
  private String employee(String id, int grade, int payLevel, LocalDate regularSince) {
    String[] parts = id.split("-");
    records.insert(new CaseNumber(parts[0], parts[1], Integer.parseInt(parts[2])),
        new Hire("u" + parts[2], "Agent " + id, null, "customer-service", "Agent", grade,
            payLevel, LocalDate.parse("2025-09-01"), 3, LocalDate.parse("2025-12-01"), null, "hr"),
        Instant.now(), null);
    if (regularSince != null) {
      records.confirm(id, regularSince);
    }
    return id;
  }

  private static PerformanceScore score(YearMonth month, String score) {
    return new PerformanceScore(month, new BigDecimal(score), "hr", Instant.now());
  }

  private static Date at(String offsetDateTime) {
    return Date.from(OffsetDateTime.parse(offsetDateTime).toInstant());
  }
}
