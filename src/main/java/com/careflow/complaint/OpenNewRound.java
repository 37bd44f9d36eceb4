package com.careflow.complaint;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The customer did not accept the conclusion (SPEC §1.8, 新表附原表): opens a new handling round
 * of the same case. The finished round is summarised in {@code roundHistory}, which every later
 * form shows; the new round's deadline counts from {@code roundStartedAt}, set from the task's
 * input parameter {@code startedAt} (the engine's clock). The round's decisions are cleared
 * ({@link #ROUND}); a case that went overdue stays marked overdue (SPEC §1.7).
 */
@Component("openNewRound")
public class OpenNewRound implements JavaDelegate {

  /**
   * What one round decides, from triage to the customer's feedback: cleared for the next round,
   * so that its forms start empty and its outcome never repeats the last round's (the round
   * before is in roundHistory and in the case's history). The overdue and closed-late marks stay.
   */
  static final List<String> ROUND = List.of("complaintValid", "triageNote", "category",
      "specialCase", "specialCaseReason", "severe", "paymentWithheld", "withheldAmount",
      "rootCause", "responsibleDepartment", "responsiblePerson", "correctiveAction",
      "humanNegligence", "improvementTracking", "punishIndividually", "penaltyKind",
      "penalizedPerson", "severeCaseInstruction",
      "vpInstruction", "penaltyApproved", "approvalNote", "remedy", "compensationAmount",
      "responsibleParty", "responsibleKind", "jointHandlingResult", "partyBears", "remedyNote", "approverGroup", "approved", "disciplinaryResult",
      "disciplinaryKind", "explanation", "returnNumber", "returnDecision", "returnFormStatus",
      "customerAccepted", "satisfactionAttitude", "satisfactionSkill", "satisfactionTimeliness",
      "satisfactionPromise", "feedbackNote");

  private final ComplaintRegister register;

  public OpenNewRound(ComplaintRegister register) {
    this.register = register;
  }

  @Override
  public void execute(DelegateExecution execution) {
    int round = execution.getVariable("round") instanceof Number n ? n.intValue() : 1;
    String summary = "Round " + round + ": " + execution.getVariable("category")
        + ", remedy " + execution.getVariable("remedy")
        + ", not accepted by the customer: " + execution.getVariable("feedbackNote");
    Object history = execution.getVariable("roundHistory");
    execution.setVariable("roundHistory", history == null ? summary : history + "\n" + summary);
    execution.setVariable("round", round + 1);
    execution.setVariable("roundStartedAt", execution.getVariableLocal("startedAt"));
    ROUND.forEach(execution::removeVariable);
    String number = (String) execution.getVariable("complaintNumber");
    register.recordRound(number, round + 1);
    // the customer rejected the result: a second complaint (二次投诉, SPEC §1.8)
    register.markSecondComplaint(number, number);
    execution.setVariable("secondComplaint", true);
  }
}
