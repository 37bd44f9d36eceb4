package com.careflow.employee;

import static com.careflow.process.ProcessVariables.text;

import com.careflow.calendar.CalendarProperties;
import com.careflow.employee.EmployeeHistory.DisciplinaryKind;
import com.careflow.employee.EmployeeRecords.Recorded;
import com.careflow.process.EngineClock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Writes a disciplinary action a procedure decided onto the employee's record (SPEC §8.3), so
 * that promotion's "no disciplinary action in the last 6 months" (SPEC §4.2) sees it. The
 * service task's input parameters say what: {@code employeeId} (EM-YYMM-NNNN), {@code kind}
 * (WARNING, DEMERIT or MAJOR_DEMERIT), {@code reason}, {@code sourceCase} (the case number) and
 * {@code decidedBy} (the deciding user or group). The action is dated today, on the engine's
 * clock in the company's zone.
 *
 * <p>Once per employee, source case, kind and reason: a retried job or a step run again finds
 * the action it wrote and adds nothing. A missing or unknown employee, kind, reason or source
 * case stops the case here as an incident in Cockpit, never a lost action; an employee who has
 * left gets none (their employment, to which an action belongs, is over), which the log says.
 */
@Component("recordDisciplinaryAction")
public class RecordDisciplinaryAction implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(RecordDisciplinaryAction.class);

  private final EmployeeRecords records;
  private final ZoneId zone;

  public RecordDisciplinaryAction(EmployeeRecords records, CalendarProperties calendar) {
    this.records = records;
    this.zone = calendar.zone();
  }

  /** The length of a disciplinary action's reason on the record (V6). */
  static final int REASON = 1000;

  @Override
  public void execute(DelegateExecution execution) {
    String employeeId = required(execution, "employeeId");
    DisciplinaryKind kind = kind(required(execution, "kind"));
    // the record keeps 1000 characters of the reason (an investigation's cause may be longer)
    String reason = required(execution, "reason");
    if (reason.length() > REASON) {
      reason = reason.substring(0, REASON - 1) + "…";
    }
    String sourceCase = required(execution, "sourceCase");
    String decidedBy = text(execution, "decidedBy");
    Employee employee = records.find(employeeId).orElseThrow(() -> new NotValidException(
        "employeeId " + employeeId + " is not an employee record: the disciplinary action of "
            + sourceCase + " was not recorded."));
    if (employee.status() == Employee.Status.LEFT) {
      LOG.warn("{} left on {}: the {} of {} is not recorded on the file", employeeId,
          employee.leftOn(), kind, sourceCase);
      return;
    }
    LocalDate today = EngineClock.today(zone);
    Recorded recorded = records.recordDisciplinaryAction(employeeId, today, kind, reason,
        sourceCase, decidedBy, ClockUtil.getCurrentTime().toInstant());
    LOG.info("{} {} of {} on {}'s file (action {})", recorded.created() ? "Recorded the"
        : "Already recorded: the", kind, sourceCase, employeeId, recorded.id());
  }

  static String required(DelegateExecution execution, String name) {
    String value = text(execution, name);
    if (value == null) {
      throw new NotValidException("The input parameter " + name + " of '"
          + execution.getCurrentActivityName() + "' is empty: no disciplinary action recorded.");
    }
    return value.trim();
  }

  static DisciplinaryKind kind(String value) {
    try {
      return DisciplinaryKind.valueOf(value);
    } catch (IllegalArgumentException e) {
      throw new NotValidException("kind " + value + " is not one of "
          + Arrays.toString(DisciplinaryKind.values()) + ": no disciplinary action recorded.");
    }
  }
}
