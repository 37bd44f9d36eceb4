package com.careflow.onboarding;

import static com.careflow.process.ProcessVariables.text;

import com.careflow.employee.EmployeeRecords;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Component;

/**
 * Completes the manager's mentor assignment (SPEC §3.1): the mentor must be a Tasklist user
 * other than the new hire, else the task stays open with the reason; the record keeps the
 * mentor.
 */
@Component("assignMentor")
public class AssignMentor implements TaskListener {

  private final EmployeeRecords records;
  private final IdentityService identity;

  public AssignMentor(EmployeeRecords records, IdentityService identity) {
    this.records = records;
    this.identity = identity;
  }

  @Override
  public void notify(DelegateTask task) {
    String mentor = text(task, "mentor");
    if (mentor == null || !isUser(mentor.trim())) {
      throw new NotValidException("'" + mentor + "' is not a Tasklist user: give the mentor's "
          + "login, as in Admin.");
    }
    if (mentor.trim().equals(text(task, "employeeUserId"))) {
      throw new NotValidException("The new hire cannot be their own mentor.");
    }
    task.setVariable("mentor", mentor.trim());
    records.assignMentor(text(task, "employeeId"), mentor.trim());
  }

  /** Whether the user exists, whoever the manager is: Admin's user list is not theirs to read. */
  private boolean isUser(String userId) {
    return Context.getCommandContext().runWithoutAuthorization(
        () -> identity.createUserQuery().userId(userId).count() > 0);
  }
}
