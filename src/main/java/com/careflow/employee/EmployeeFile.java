package com.careflow.employee;

import com.careflow.calendar.CalendarProperties;
import com.careflow.employee.EmployeeHistory.PerformanceScore;
import com.careflow.employee.HrEntries.CertificateEntry;
import com.careflow.employee.HrEntries.CourseResultEntry;
import com.careflow.employee.HrEntries.DisciplinaryActionEntry;
import com.careflow.employee.HrEntries.PerformanceScoreEntry;
import com.careflow.web.ApiProblemHandler.FieldProblem;
import com.careflow.web.InvalidRequestException;
import com.careflow.web.NotFound;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * HR's entries into an employee's file: each is checked field by field, and its date against
 * the employment (not before the start, not after leaving); a bad entry stores nothing.
 */
@Service
public class EmployeeFile {

  private final EmployeeRecords records;
  private final Validator validator;
  private final ZoneId zone;
  private final Clock clock = Clock.systemUTC();

  public EmployeeFile(EmployeeRecords records, Validator validator, CalendarProperties calendar) {
    this.records = records;
    this.validator = validator;
    this.zone = calendar.zone();
  }

  /** The record of {@code id}, or 404. */
  public Employee employee(String id) {
    return records.find(id).orElseThrow(() -> NotFound.because("No employee numbered " + id));
  }

  /** Records the month's score; true when it replaced an earlier one. */
  @Transactional
  public boolean recordPerformanceScore(String id, YearMonth month, PerformanceScoreEntry entry,
      String hr) {
    Employee employee = employee(id);
    List<FieldProblem> problems = FieldProblem.of(validator.validate(entry));
    if (month.isAfter(YearMonth.now(clock.withZone(zone)))) {
      problems.add(new FieldProblem("month", "must not be in the future"));
    } else if (month.isBefore(YearMonth.from(employee.startDate()))) {
      problems.add(new FieldProblem("month", "must not be before the employee started ("
          + employee.startDate() + ")"));
    }
    InvalidRequestException.throwIfAny(problems);
    return records.recordPerformanceScore(id,
        new PerformanceScore(month, entry.score(), hr, Instant.now(clock)));
  }

  @Transactional
  public long addDisciplinaryAction(String id, DisciplinaryActionEntry entry, String hr) {
    Employee employee = employee(id);
    List<FieldProblem> problems = FieldProblem.of(validator.validate(entry));
    within(employee, "actionOn", entry.actionOn(), problems);
    InvalidRequestException.throwIfAny(problems);
    return records.addDisciplinaryAction(id, entry.actionOn(), entry.kind(), entry.reason(), hr,
        Instant.now(clock));
  }

  @Transactional
  public long addCertificate(String id, CertificateEntry entry, String hr) {
    employee(id);
    InvalidRequestException.throwIfAny(FieldProblem.of(validator.validate(entry)));
    return records.addCertificate(id, entry.kind(), entry.issuedOn(), entry.reference(), hr,
        Instant.now(clock));
  }

  @Transactional
  public long addCourseResult(String id, CourseResultEntry entry, String hr) {
    employee(id);
    InvalidRequestException.throwIfAny(FieldProblem.of(validator.validate(entry)));
    return records.addCourseResult(id, entry.level(), entry.score(), entry.completedOn(), hr,
        Instant.now(clock));
  }

  /** A disciplinary action belongs to the employment: from the start until leaving. */
  private static void within(Employee employee, String field, LocalDate date,
      List<FieldProblem> problems) {
    if (date == null) {
      return;
    }
    if (date.isBefore(employee.startDate())) {
      problems.add(new FieldProblem(field, "must not be before the employee started ("
          + employee.startDate() + ")"));
    } else if (employee.leftOn() != null && date.isAfter(employee.leftOn())) {
      problems.add(new FieldProblem(field, "must not be after the employee left ("
          + employee.leftOn() + ")"));
    }
  }
}
