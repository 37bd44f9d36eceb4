package com.careflow.review;

import com.careflow.complaint.ComplaintRegister.Entry;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionDefinitionEntity;
import org.springframework.stereotype.Component;

/**
 * The penalty standard (客诉罚扣判定基准, SPEC §1.10), the process owners' decision table
 * {@code complaint-penalty}, read for upheld complaints: the deduction from each one's responsible
 * person's or unit's performance bonus, and the administrative sanction it calls for. The
 * inputs come from the register: the category, whether a person or only a unit was found
 * responsible, whether the case was severe, whether the investigation found human negligence,
 * and whether it was a second complaint (the customer rejected the result, so it was handled
 * again: more than one round, SPEC §1.8). What the register does not know counts as no.
 *
 * <p>The figures are read wherever a month's report is shown, so the table is evaluated in
 * memory, all of a month's cases in one command against the deployed table: no decision
 * history is written for a page view. The compiled review keeps what the notice said.
 */
@Component
public class PenaltyStandard {

  static final String DECISION = "complaint-penalty";

  /** What the standard gives a case: CNY, and NONE, WARNING, DEMERIT or MAJOR_DEMERIT. */
  public record Consequence(BigDecimal bonusDeduction, String sanction) {}

  private final ProcessEngineConfigurationImpl engine;

  public PenaltyStandard(ProcessEngine engine) {
    this.engine = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }

  /** The consequence of each upheld complaint, by its number. */
  public Map<String, Consequence> of(List<Entry> upheld) {
    if (upheld.isEmpty()) {
      return Map.of();
    }
    return engine.getCommandExecutorTxRequired().execute(context -> {
      DmnDecision table = (DecisionDefinitionEntity) context.getProcessEngineConfiguration()
          .getDeploymentCache().findDeployedLatestDecisionDefinitionByKey(DECISION);
      DmnEngine dmn = context.getProcessEngineConfiguration().getDmnEngine();
      Map<String, Consequence> consequences = new HashMap<>();
      for (Entry entry : upheld) {
        consequences.put(entry.number(), consequence(dmn, table, entry));
      }
      return consequences;
    });
  }

  private static Consequence consequence(DmnEngine dmn, DmnDecision table, Entry upheld) {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("category", upheld.category());
    inputs.put("responsibleKind", upheld.outcome().responsiblePerson() != null ? "PERSON"
        : "UNIT");
    inputs.put("severe", Boolean.TRUE.equals(upheld.outcome().severe()));
    inputs.put("negligence", Boolean.TRUE.equals(upheld.outcome().humanNegligence()));
    inputs.put("secondComplaint", upheld.round() > 1);
    DmnDecisionRuleResult result = dmn.evaluateDecisionTable(table, inputs).getSingleResult();
    if (result == null) {
      throw new IllegalStateException("The penalty standard (" + DECISION + ") has no rule for "
          + upheld.number() + " " + inputs + ": a process owner completes the table.");
    }
    Number deduction = result.getEntry("bonusDeduction");
    String sanction = result.getEntry("sanction");
    return new Consequence(new BigDecimal(deduction == null ? "0" : deduction.toString())
        .setScale(2, RoundingMode.HALF_UP), sanction == null ? "NONE" : sanction);
  }
}
