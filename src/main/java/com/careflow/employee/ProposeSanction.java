package com.careflow.employee;

import static com.careflow.process.ProcessVariables.text;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Sends an administrative sanction a procedure decided to HR to publish ({@link Sanctions}, SPEC
 * §1.10, §8.3). The service task's input parameters are those of {@link RecordDisciplinaryAction}:
 * {@code employeeId}, {@code kind} (WARNING, DEMERIT or MAJOR_DEMERIT), {@code reason},
 * {@code sourceCase} and {@code decidedBy}. A missing or unknown value stops the case here as an
 * incident in Cockpit.
 */
@Component("proposeSanction")
public class ProposeSanction implements JavaDelegate {

  private final Sanctions sanctions;

  public ProposeSanction(Sanctions sanctions) {
    this.sanctions = sanctions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reason = RecordDisciplinaryAction.required(execution, "reason");
    if (reason.length() > RecordDisciplinaryAction.REASON) {
      reason = reason.substring(0, RecordDisciplinaryAction.REASON - 1) + "…";
    }
    sanctions.propose(RecordDisciplinaryAction.required(execution, "employeeId"),
        RecordDisciplinaryAction.kind(RecordDisciplinaryAction.required(execution, "kind")),
        reason, RecordDisciplinaryAction.required(execution, "sourceCase"),
        text(execution, "decidedBy"));
  }
}
