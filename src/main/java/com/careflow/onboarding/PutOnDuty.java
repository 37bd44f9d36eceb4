package com.careflow.onboarding;

import static com.careflow.process.ProcessVariables.text;

import com.careflow.calendar.CalendarProperties;
import com.careflow.employee.EmployeeRecords;
import com.careflow.identity.StaffAccounts;
import com.careflow.process.EngineClock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Puts the new agent on duty (上岗, SPEC §3.3) once every module is passed: opens their Tasklist
 * account in the model's {@code dutyGroup} ({@code cs-agents}), creating the user when it does
 * not exist, so complaint tasks reach them; the record notes the day.
 */
@Component("putOnDuty")
public class PutOnDuty implements JavaDelegate {

  private final StaffAccounts accounts;
  private final EmployeeRecords records;
  private final ZoneId zone;

  public PutOnDuty(StaffAccounts accounts, EmployeeRecords records, CalendarProperties calendar) {
    this.accounts = accounts;
    this.records = records;
    this.zone = calendar.zone();
  }

  @Override
  public void execute(DelegateExecution execution) {
    accounts.open(text(execution, "employeeUserId"), text(execution, "employeeName"),
        text(execution, "employeeEmail"), text(execution, "dutyGroup"));
    LocalDate today = EngineClock.today(zone);
    records.putOnDuty(text(execution, "employeeId"), today);
    execution.setVariable("onDutySince", today.toString());
  }
}
