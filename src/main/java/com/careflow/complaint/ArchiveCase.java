package com.careflow.complaint;

import java.time.ZoneOffset;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * Closes a case (SPEC §1.9): it is CLOSED from the task's input parameter {@code closedAt} (the
 * engine's clock; the parameter is local to the task, the results go on the case); its record is retained one year, or with no end when it was marked
 * {@code important}.
 */
@Component("archiveCase")
public class ArchiveCase implements JavaDelegate {

  private final ComplaintRegister register;

  public ArchiveCase(ComplaintRegister register) {
    this.register = register;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Date closedAt = (Date) execution.getVariableLocal("closedAt");
    boolean important = Boolean.TRUE.equals(execution.getVariable("important"));
    Date retainedUntil = important ? null
        : Date.from(closedAt.toInstant().atOffset(ZoneOffset.UTC).plusYears(1).toInstant());
    VariableScope caseScope = execution.getProcessInstance();
    caseScope.setVariable("caseStatus", "CLOSED");
    caseScope.setVariable("closedAt", closedAt);
    caseScope.setVariable("retainedUntil", retainedUntil);
    register.close((String) execution.getVariable("complaintNumber"), closedAt.toInstant(),
        retainedUntil == null ? null : retainedUntil.toInstant(),
        (String) execution.getVariable("remedy"));
  }
}
