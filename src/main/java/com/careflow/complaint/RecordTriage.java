package com.careflow.complaint;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Writes triage's decision into the register (SPEC §1.4, §1.9): justified or not, category,
 * importance, so the register can be filtered by them while the case is open.
 */
@Component("recordTriage")
public class RecordTriage implements JavaDelegate {

  private final ComplaintRegister register;

  public RecordTriage(ComplaintRegister register) {
    this.register = register;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object valid = execution.getVariable("complaintValid");
    register.recordTriage((String) execution.getVariable("complaintNumber"),
        valid instanceof Boolean b ? b : null,
        Boolean.TRUE.equals(valid) ? (String) execution.getVariable("category") : null,
        Boolean.TRUE.equals(execution.getVariable("important")));
  }
}
