package com.careflow.complaint;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Marks a case late (SPEC §1.7, 逾期反映). The task's input parameter {@code deadline} names
 * which limit passed: {@code RESOLUTION} (the default: the round's resolution deadline, variable
 * {@code overdue}) or {@code CLOSING} (the closing limit, variable {@code closedLate}). The mark
 * stays on the case, in its variables and the register, for the monthly review.
 */
@Component("markCaseOverdue")
public class MarkCaseOverdue implements JavaDelegate {

  /** The deadlines a case can miss. */
  enum Deadline { RESOLUTION, CLOSING }

  private final ComplaintRegister register;

  public MarkCaseOverdue(ComplaintRegister register) {
    this.register = register;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object named = execution.getVariableLocal("deadline");
    Deadline deadline = named == null ? Deadline.RESOLUTION : deadline(named.toString());
    String number = (String) execution.getVariable("complaintNumber");
    if (deadline == Deadline.CLOSING) {
      execution.getProcessInstance().setVariable("closedLate", true);
      register.markClosedLate(number);
    } else {
      execution.getProcessInstance().setVariable("overdue", true);
      register.markOverdue(number);
    }
  }

  private static Deadline deadline(String name) {
    try {
      return Deadline.valueOf(name);
    } catch (IllegalArgumentException unknown) {
      throw new IllegalArgumentException(
          "The input parameter deadline must be RESOLUTION or CLOSING, not " + name, unknown);
    }
  }
}
