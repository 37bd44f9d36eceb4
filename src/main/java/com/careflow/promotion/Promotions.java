package com.careflow.promotion;

import com.careflow.calendar.CalendarProperties;
import com.careflow.employee.Employee;
import com.careflow.employee.EmployeeRecords;
import com.careflow.numbering.CaseNumbers;
import com.careflow.numbering.CaseNumbers.CaseNumber;
import com.careflow.promotion.Promotion.Material;
import com.careflow.promotion.Promotion.PromotionType;
import com.careflow.promotion.Promotion.Track;
import com.careflow.promotion.PromotionRegister.Entry;
import com.careflow.promotion.PromotionRequests.Candidacy;
import com.careflow.promotion.PromotionRequests.CompetitionNotice;
import com.careflow.promotion.PromotionRequests.Nomination;
import com.careflow.web.ApiProblemHandler.FieldProblem;
import com.careflow.web.InvalidRequestException;
import com.careflow.web.NotFound;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;

/**
 * Starts {@code staff-promotion} for a nomination or a competition, and registers candidates
 * (SPEC §4.3, §4.4). Every request is checked field by field and against the records first; a
 * bad one starts and stores nothing.
 */
@Service
public class Promotions {

  static final String PROCESS_KEY = "staff-promotion";

  /** A nomination as registered, with its eligibility: what the nominator is told. */
  public record Nominated(String id, String processInstanceId, boolean eligible,
      List<String> unmetConditions) {}

  private final RuntimeService runtime;
  private final IdentityService identity;
  private final EmployeeRecords employees;
  private final PromotionRegister register;
  private final CaseNumbers numbers;
  private final Validator validator;
  private final ZoneId zone;
  private final Clock clock = Clock.systemUTC();

  public Promotions(RuntimeService runtime, IdentityService identity, EmployeeRecords employees,
      PromotionRegister register, CaseNumbers numbers, Validator validator,
      CalendarProperties calendar) {
    this.zone = calendar.zone();
    this.runtime = runtime;
    this.identity = identity;
    this.employees = employees;
    this.register = register;
    this.numbers = numbers;
    this.validator = validator;
  }

  /** SPEC §4.3: registers the nomination and decides its eligibility at once. */
  public Nominated nominate(Nomination nomination, String manager) {
    List<FieldProblem> problems = FieldProblem.of(validator.validate(nomination));
    Employee nominee = nomination.employeeId() == null ? null
        : employees.find(nomination.employeeId()).orElse(null);
    if (nomination.employeeId() != null && !nomination.employeeId().isBlank()) {
      if (nominee == null) {
        problems.add(new FieldProblem("employeeId", "is not an employee"));
      } else if (nominee.status() == Employee.Status.LEFT) {
        problems.add(new FieldProblem("employeeId", "has left the company"));
      }
    }
    if (nomination.track() == Track.VACANCY) {
      problems.add(new FieldProblem("track",
          "must be PERIODIC or EXCEPTIONAL; a vacancy is entered by registering for its competition"));
    } else if (nomination.track() == Track.CONVERSION) {
      problems.add(new FieldProblem("track",
          "must be PERIODIC or EXCEPTIONAL; the conversion step is granted at the confirmation of probation"));
    }
    if (nomination.promotionType() == PromotionType.POSITION) {
      if (nomination.targetGrade() == null) {
        problems.add(new FieldProblem("targetGrade", "is required for a POSITION promotion"));
      } else if (nominee != null && nomination.targetGrade() <= nominee.grade()) {
        problems.add(new FieldProblem("targetGrade",
            "must be above the current grade (" + nominee.grade() + ")"));
      }
    } else if (nomination.promotionType() == PromotionType.PAY_LEVEL && nominee != null
        && nomination.targetGrade() != null && nomination.targetGrade() != nominee.grade()) {
      problems.add(new FieldProblem("targetGrade",
          "must be empty or the current grade (" + nominee.grade() + ") for a PAY_LEVEL promotion"));
    }
    InvalidRequestException.throwIfAny(problems);
    Map<String, Object> variables = new HashMap<>();
    variables.put("employeeId", nomination.employeeId());
    variables.put("promotionType", nomination.promotionType().name());
    variables.put("track", nomination.track().name());
    variables.put("targetGrade", nomination.targetGrade());
    variables.put("targetPosition", nomination.targetPosition());
    variables.put("evaluation", nomination.evaluation());
    variables.put("selfReport", nomination.selfReport());
    variables.put("supervisorRecommendation", nomination.supervisorRecommendation());
    variables.put("examples", nomination.examples());
    variables.put("nominatedBy", manager);
    ProcessInstanceWithVariables started = runtime.createProcessInstanceByKey(PROCESS_KEY)
        .setVariables(variables).executeWithVariablesInReturn();
    @SuppressWarnings("unchecked")
    List<String> unmet = (List<String>) started.getVariables().get("unmetConditions");
    return new Nominated((String) started.getVariables().get("promotionId"), started.getId(),
        unmet.isEmpty(), List.copyOf(unmet));
  }

  /** SPEC §4.4: publishes the competition; registration is open until {@code closesOn}. */
  public String openCompetition(CompetitionNotice notice, String hr) {
    List<FieldProblem> problems = FieldProblem.of(validator.validate(notice));
    if (notice.panel() != null) {
      for (int i = 0; i < notice.panel().size(); i++) {
        String member = notice.panel().get(i);
        if (member != null && !member.isBlank()
            && identity.createUserQuery().userId(member).count() == 0) {
          problems.add(new FieldProblem("panel[" + i + "]", "is not a Tasklist user"));
        }
      }
    }
    InvalidRequestException.throwIfAny(problems);
    Map<String, Object> variables = new HashMap<>();
    variables.put("promotionType", PromotionType.POSITION.name());
    variables.put("track", Track.VACANCY.name());
    variables.put("post", notice.post());
    variables.put("targetGrade", notice.targetGrade());
    variables.put("places", notice.places());
    variables.put("eligibility", notice.eligibility());
    variables.put("closesOn", notice.closesOn().toString());
    variables.put("panel", String.join(",", notice.panel().stream().map(String::trim).toList()));
    variables.put("nominatedBy", hr);
    return (String) runtime.createProcessInstanceByKey(PROCESS_KEY).setVariables(variables)
        .executeWithVariablesInReturn().getVariables().get("competitionId");
  }

  /**
   * SPEC §4.4: registers a candidate for an open competition. Staff register themselves; HR,
   * the general managers and a department's managers may register its people.
   *
   * @return the candidate's promotion number
   */
  @Transactional
  public String register(String competitionId, Candidacy candidacy, String user,
      Predicate<Employee> mayRegister) {
    Competition competition = register.findCompetition(competitionId)
        .orElseThrow(() -> NotFound.because("No competition numbered " + competitionId));
    List<FieldProblem> problems = FieldProblem.of(validator.validate(candidacy));
    Employee candidate = candidacy.employeeId() == null ? null
        : employees.find(candidacy.employeeId()).orElse(null);
    if (candidacy.employeeId() != null && !candidacy.employeeId().isBlank()) {
      if (candidate == null || candidate.status() == Employee.Status.LEFT) {
        problems.add(new FieldProblem("employeeId", "is not a current employee"));
      } else if (!candidate.userId().equals(user) && !mayRegister.test(candidate)) {
        problems.add(new FieldProblem("employeeId",
            "must be yourself, or someone of a department you manage"));
      } else if (register.candidates(competitionId).stream()
          .anyMatch(entry -> entry.employeeId().equals(candidate.id()))) {
        problems.add(new FieldProblem("employeeId", "is already registered"));
      }
    }
    InvalidRequestException.throwIfAny(problems);
    if (competition.status() != Competition.Status.OPEN
        || LocalDate.now(clock.withZone(zone)).isAfter(competition.closesOn())) {
      ErrorResponseException closed = new ErrorResponseException(HttpStatus.CONFLICT);
      closed.setDetail("Registration for " + competitionId + " closed on "
          + competition.closesOn());
      throw closed;
    }
    Instant now = Instant.now(clock);
    CaseNumber id = numbers.next(RegisterNomination.SERIES, now);
    register.insert(id, new Entry(candidate.id(), PromotionType.POSITION, Track.VACANCY,
        competitionId, candidate.grade(), competition.targetGrade(), candidate.payLevel(), 1,
        competition.post(), new Material(null, candidacy.selfReport(), null, null), user), now,
        competition.processInstanceId());
    return id.toString();
  }
}
