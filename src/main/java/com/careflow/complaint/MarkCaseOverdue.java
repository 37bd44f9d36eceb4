package com.careflow.complaint;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Marks a case overdue (SPEC §1.7, 逾期反映): the deadline passed before it was resolved. The mark
 * stays on the case (variable {@code overdue} and the register) for the monthly review.
 */
@Component("markCaseOverdue")
public class MarkCaseOverdue implements JavaDelegate {

  private final ComplaintRegister register;

  public MarkCaseOverdue(ComplaintRegister register) {
    this.register = register;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.getProcessInstance().setVariable("overdue", true);
    register.markOverdue((String) execution.getVariable("complaintNumber"));
  }
}
