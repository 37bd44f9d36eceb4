package com.careflow.complaint;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.exception.NotValidException;
import org.springframework.stereotype.Component;

/**
 * A customer-service manager's ruling on a complaint (SPEC §1.4; seed 003 篇四 第七條:
 * 呈报上级主管裁定是否受理): the complaint the agent found unjustified, or about a colleague's
 * service, is accepted ({@code rulingAccepted}: it is justified, in the category the manager
 * chose) or its rejection is confirmed, and then the manager's ruling ({@code rulingNote}) is
 * the explanation the customer gets ({@code triageNote}). The case's {@code complaintValid}
 * follows the ruling, and the register with it (the task's end listener). Who ruled is kept
 * ({@code ruledBy}).
 */
@Component("ruleOnComplaint")
public class RuleOnComplaint implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    Object accepted = task.getVariable("rulingAccepted");
    if (!(accepted instanceof Boolean)) {
      throw new NotValidException("rulingAccepted: accept the complaint or confirm its rejection");
    }
    Object note = task.getVariable("rulingNote");
    if (note == null || note.toString().isBlank()) {
      throw new NotValidException("rulingNote: give the ruling");
    }
    if ((Boolean) accepted && task.getVariable("category") == null) {
      throw new NotValidException("category: an accepted complaint needs its category");
    }
    task.setVariable("complaintValid", accepted);
    if (!(Boolean) accepted) {
      task.setVariable("triageNote", note);
    }
    task.setVariable("ruledBy", task.getAssignee());
  }
}
