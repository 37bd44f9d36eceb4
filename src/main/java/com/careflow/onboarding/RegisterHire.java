package com.careflow.onboarding;

import static com.careflow.process.ProcessVariables.date;
import static com.careflow.process.ProcessVariables.integer;
import static com.careflow.process.ProcessVariables.text;

import com.careflow.calendar.CalendarProperties;
import com.careflow.employee.EmployeeRecords;
import com.careflow.employee.EmployeeRecords.Hire;
import com.careflow.numbering.CaseNumbers;
import com.careflow.numbering.CaseNumbers.CaseNumber;
import java.time.Instant;
import java.time.ZoneId;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Registers the hire (SPEC §3.1): numbers the employee {@code EM-YYMM-NNNN}, writes the record
 * (PROBATION) and makes the number the onboarding's business key. The probation lasts what HR
 * gave, else the model's {@code defaultProbationMonths}.
 */
@Component("registerHire")
public class RegisterHire implements JavaDelegate {

  /** Employee numbers are {@code EM-YYMM-NNNN}. */
  static final String SERIES = "EM";

  private final CaseNumbers numbers;
  private final EmployeeRecords records;
  private final ZoneId zone;

  public RegisterHire(CaseNumbers numbers, EmployeeRecords records, CalendarProperties calendar) {
    this.numbers = numbers;
    this.records = records;
    this.zone = calendar.zone();
  }

  @Override
  public void execute(DelegateExecution execution) {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    Integer months = integer(execution, "probationMonths");
    Probation probation = new Probation(date(execution, "startDate", zone),
        months != null ? months : integer(execution, "defaultProbationMonths"));
    Hire hire = new Hire(text(execution, "employeeUserId"), text(execution, "employeeName"),
        text(execution, "employeeEmail"), text(execution, "department"),
        text(execution, "position"), integer(execution, "grade"), integer(execution, "payLevel"),
        probation.startDate(), probation.months(), probation.endsOn(), text(execution, "mentor"),
        text(execution, "hiredBy"));
    CaseNumber id = numbers.next(SERIES, now);
    records.insert(id, hire, now, execution.getProcessInstanceId());
    execution.setProcessBusinessKey(id.toString());
    execution.setVariable("employeeId", id.toString());
    probation.writeTo(execution, zone);
  }
}
