package com.careflow.complaint;

import static com.careflow.process.ProcessVariables.decimal;
import static com.careflow.process.ProcessVariables.flag;
import static com.careflow.process.ProcessVariables.text;

import com.careflow.complaint.ComplaintRegister.Outcome;
import java.time.ZoneOffset;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * Closes a case (SPEC §1.9): it is CLOSED from the task's input parameter {@code closedAt} (the
 * engine's clock; the parameter is local to the task, the results go on the case); its record is retained one year, or with no end when it was marked
 * {@code important}. What the monthly review counts of it is recorded with it.
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
    String number = (String) execution.getVariable("complaintNumber");
    register.recordOutcome(number, outcome(execution));
    register.close(number, closedAt.toInstant(),
        retainedUntil == null ? null : retainedUntil.toInstant(),
        (String) execution.getVariable("remedy"));
  }

  /**
   * Who was responsible (a department, or an outside party chosen on the remedy), the money granted (an approved discount or compensation only), the
   * customer's ratings, and whether the case was severe and found negligent (the penalty
   * standard's inputs, SPEC §1.10).
   */
  private static Outcome outcome(DelegateExecution execution) {
    String remedy = text(execution, "remedy");
    boolean moneyGranted = ("DISCOUNT".equals(remedy) || "COMPENSATION".equals(remedy))
        && Boolean.TRUE.equals(flag(execution, "approved"));
    String responsibleUnit = text(execution, "responsibleDepartment") != null
        ? text(execution, "responsibleDepartment") : text(execution, "responsibleParty");
    return new Outcome(responsibleUnit,
        text(execution, "responsiblePerson"),
        moneyGranted ? decimal(execution, "compensationAmount") : null,
        text(execution, "satisfactionAttitude"), text(execution, "satisfactionSkill"),
        text(execution, "satisfactionTimeliness"), text(execution, "satisfactionPromise"),
        flag(execution, "severe"), flag(execution, "humanNegligence"),
        flag(execution, "improvementTracking"));
  }
}
