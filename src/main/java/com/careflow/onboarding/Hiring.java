package com.careflow.onboarding;

import com.careflow.calendar.CalendarProperties;
import com.careflow.employee.EmployeeRecords;
import com.careflow.identity.Departments;
import com.careflow.web.ApiProblemHandler.FieldProblem;
import com.careflow.web.InvalidRequestException;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Registers a hire and starts {@code staff-onboarding} (SPEC §3.1). The request is checked field
 * by field, and against who already works here: the login must be free (or a former
 * employee's, for a rehire) and the mentor a Tasklist user; the database holds one current
 * employee per login against hires sent at the same moment. An invalid request starts nothing.
 * The start writes the record in the same transaction ({@code RegisterHire}).
 */
@Service
public class Hiring {

  static final String PROCESS_KEY = "staff-onboarding";

  /** HR registers a hire within 90 days after the start, or up to a year ahead. */
  static final int MAX_DAYS_LATE = 90;
  static final int MAX_DAYS_AHEAD = 365;

  /** The hire as registered. */
  public record Hired(String employeeId, String processInstanceId) {}

  private final RuntimeService runtime;
  private final IdentityService identity;
  private final EmployeeRecords records;
  private final Validator validator;
  private final ZoneId zone;
  private final Departments departments;
  private final Clock clock = Clock.systemUTC();

  public Hiring(RuntimeService runtime, IdentityService identity, EmployeeRecords records,
      Validator validator, CalendarProperties calendar, Departments departments) {
    this.departments = departments;
    this.runtime = runtime;
    this.identity = identity;
    this.records = records;
    this.validator = validator;
    this.zone = calendar.zone();
  }

  public Hired hire(HireRequest request, String hr) {
    InvalidRequestException.throwIfAny(problems(request));
    ProcessInstanceWithVariables started;
    try {
      started = runtime.createProcessInstanceByKey(PROCESS_KEY)
          .setVariables(variables(request, hr))
          .executeWithVariablesInReturn();
    } catch (DuplicateKeyException hiredAtTheSameMoment) {
      // the same login hired by a request that passed the checks at the same moment
      throw new InvalidRequestException(List.of(new FieldProblem("userId",
          "is the Tasklist user of another current employee")));
    }
    return new Hired((String) started.getVariables().get("employeeId"), started.getId());
  }

  private List<FieldProblem> problems(HireRequest request) {
    List<FieldProblem> problems = FieldProblem.of(validator.validate(request));
    LocalDate today = LocalDate.now(clock.withZone(zone));
    if (request.startDate() != null) {
      if (request.startDate().isBefore(today.minusDays(MAX_DAYS_LATE))) {
        problems.add(new FieldProblem("startDate",
            "must not be more than " + MAX_DAYS_LATE + " days ago"));
      } else if (request.startDate().isAfter(today.plusDays(MAX_DAYS_AHEAD))) {
        problems.add(new FieldProblem("startDate",
            "must not be more than " + MAX_DAYS_AHEAD + " days ahead"));
      }
    }
    if (request.department() != null && !request.department().isBlank()
        && departments.byId(request.department()).isEmpty()) {
      problems.add(new FieldProblem("department", "must be one of " + departments.ids()));
    }
    if (problems.stream().noneMatch(problem -> problem.field().equals("userId"))) {
      records.currentByUser(request.userId()).ifPresentOrElse(
          colleague -> problems.add(new FieldProblem("userId",
              "is the Tasklist user of employee " + colleague.id())),
          () -> {
            if (userExists(request.userId()) && !records.everEmployed(request.userId())) {
              problems.add(new FieldProblem("userId", "is taken by another Tasklist user"));
            }
          });
    }
    if (request.mentor() != null && !request.mentor().isBlank()) {
      if (request.mentor().equals(request.userId())) {
        problems.add(new FieldProblem("mentor", "must not be the new hire"));
      } else if (!userExists(request.mentor())) {
        problems.add(new FieldProblem("mentor", "is not a Tasklist user"));
      }
    }
    return problems;
  }

  private boolean userExists(String userId) {
    return identity.createUserQuery().userId(userId).count() > 0;
  }

  /** The onboarding's variables; the names are the forms' field keys. */
  private static Map<String, Object> variables(HireRequest request, String hr) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("employeeName", request.name());
    variables.put("employeeUserId", request.userId());
    variables.put("employeeEmail", request.email());
    variables.put("department", request.department());
    variables.put("position", request.position());
    variables.put("grade", request.grade() == null ? 1 : request.grade());
    variables.put("payLevel", request.payLevel() == null ? 1 : request.payLevel());
    variables.put("startDate", request.startDate().toString());
    // without one, RegisterHire takes the model's default
    variables.put("probationMonths", request.probationMonths());
    variables.put("mentor", request.mentor() == null || request.mentor().isBlank()
        ? null : request.mentor());
    variables.put("hiredBy", hr);
    return variables;
  }
}
