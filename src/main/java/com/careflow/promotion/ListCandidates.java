package com.careflow.promotion;

import static com.careflow.process.ProcessVariables.text;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Closes a competition's registration (SPEC §4.4) and lists its candidates, each a promotion
 * whose eligibility is checked next.
 */
@Component("listCandidates")
public class ListCandidates implements JavaDelegate {

  private final PromotionRegister register;

  public ListCandidates(PromotionRegister register) {
    this.register = register;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String competitionId = text(execution, "competitionId");
    register.markCompetition(competitionId, Competition.Status.CLOSED);
    List<String> candidates = new ArrayList<>(register.candidates(competitionId).stream()
        .map(Promotion::id).toList());
    execution.setVariable("candidates", candidates);
    execution.setVariable("candidateCount", candidates.size());
  }
}
