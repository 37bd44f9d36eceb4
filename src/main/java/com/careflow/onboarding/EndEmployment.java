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
 * Ends the employment (SPEC §3.2 after a second training failure, §3.4 on TERMINATE): the
 * record is LEFT from today with the model's {@code leavingReason} and the supervisor's note,
 * and the person's Tasklist account is closed.
 */
@Component("endEmployment")
public class EndEmployment implements JavaDelegate {

  private final StaffAccounts accounts;
  private final EmployeeRecords records;
  private final ZoneId zone;

  public EndEmployment(StaffAccounts accounts, EmployeeRecords records,
      CalendarProperties calendar) {
    this.accounts = accounts;
    this.records = records;
    this.zone = calendar.zone();
  }

  @Override
  public void execute(DelegateExecution execution) {
    LocalDate today = EngineClock.today(zone);
    String note = text(execution, "supervisorNote");
    records.leave(text(execution, "employeeId"), today,
        text(execution, "leavingReason") + (note == null ? "" : ": " + note));
    accounts.close(text(execution, "employeeUserId"));
    execution.setVariable("leftOn", today.toString());
  }
}
