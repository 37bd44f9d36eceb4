package com.careflow.onboarding;

import static com.careflow.process.ProcessVariables.integer;
import static com.careflow.process.ProcessVariables.text;

import com.careflow.calendar.CalendarProperties;
import com.careflow.employee.EmployeeRecords;
import java.time.ZoneId;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Extends the probation by the supervisor's {@code extensionMonths} (SPEC §3.2, §3.4): the
 * record gets the new length and last day, and the review's timer moves with it. The
 * recommendation is cleared, so the next review starts from a blank form.
 */
@Component("extendProbation")
public class ExtendProbation implements JavaDelegate {

  private final EmployeeRecords records;
  private final ZoneId zone;

  public ExtendProbation(EmployeeRecords records, CalendarProperties calendar) {
    this.records = records;
    this.zone = calendar.zone();
  }

  @Override
  public void execute(DelegateExecution execution) {
    Probation extended = Probation.of(execution, zone)
        .extendedBy(integer(execution, "extensionMonths"));
    records.extendProbation(text(execution, "employeeId"), extended.months(), extended.endsOn());
    extended.writeTo(execution, zone);
    execution.removeVariable("recommendation");
    execution.removeVariable("extensionMonths");
  }
}
