package com.careflow.onboarding;

import static com.careflow.process.ProcessVariables.text;

import com.careflow.calendar.CalendarProperties;
import com.careflow.employee.EmployeeRecords;
import com.careflow.process.EngineClock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Confirms the employee (转正, SPEC §3.4): REGULAR from the day HR approved, which also starts
 * the months-in-grade clock promotion counts (SPEC §4.2).
 */
@Component("confirmEmployment")
public class ConfirmEmployment implements JavaDelegate {

  private final EmployeeRecords records;
  private final ZoneId zone;

  public ConfirmEmployment(EmployeeRecords records, CalendarProperties calendar) {
    this.records = records;
    this.zone = calendar.zone();
  }

  @Override
  public void execute(DelegateExecution execution) {
    LocalDate today = EngineClock.today(zone);
    records.confirm(text(execution, "employeeId"), today);
    execution.setVariable("regularSince", today.toString());
  }
}
