package com.careflow.promotion;

import static com.careflow.process.ProcessVariables.text;

import com.careflow.promotion.Promotion.Status;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Ranks a competition's eligible candidates by the panel's score (SPEC §4.4: 择优晋升): the
 * best up to the number of places are SELECTED, the others NOT_SELECTED. Ties go to the higher
 * 12-month average, then to the earlier registration. When the results are due is the
 * model's (the task PublishCompetitionResults).
 */
@Component("rankCandidates")
public class RankCandidates implements JavaDelegate {

  private static final Comparator<Promotion> BEST_FIRST = Comparator
      .comparing(Promotion::panelScore, Comparator.reverseOrder())
      .thenComparing(promotion -> promotion.facts().avgPerformanceScore() == null
          ? BigDecimal.ZERO : promotion.facts().avgPerformanceScore(), Comparator.reverseOrder())
      .thenComparing(Promotion::nominatedAt);

  private final PromotionRegister register;

  public RankCandidates(PromotionRegister register) {
    this.register = register;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String competitionId = text(execution, "competitionId");
    Competition competition = register.findCompetition(competitionId).orElseThrow();
    List<Promotion> candidates = register.candidates(competitionId);
    List<Promotion> ranked = candidates.stream()
        .filter(candidate -> candidate.status() == Status.IN_REVIEW
            && candidate.panelScore() != null)
        .sorted(BEST_FIRST).toList();
    List<String> selected = new ArrayList<>();
    StringBuilder results = new StringBuilder();
    for (int i = 0; i < ranked.size(); i++) {
      Promotion candidate = ranked.get(i);
      boolean chosen = i < competition.places();
      register.rank(candidate.id(), i + 1, chosen);
      if (chosen) {
        selected.add(candidate.id());
      }
      results.append(i + 1).append(". ").append(candidate.employeeId()).append(" (")
          .append(candidate.id()).append("): ")
          .append(candidate.panelScore().stripTrailingZeros().toPlainString())
          .append(chosen ? ", selected" : ", not selected").append('\n');
    }
    long ineligible = candidates.stream()
        .filter(candidate -> candidate.status() == Status.INELIGIBLE).count();
    results.append(ineligible).append(" candidate(s) not eligible.");
    register.markCompetition(competitionId, Competition.Status.DECIDED);
    execution.setVariable("promotionsInDecision", selected);
    execution.setVariable("selectedCount", selected.size());
    execution.setVariable("competitionResults", results.toString());
  }
}
