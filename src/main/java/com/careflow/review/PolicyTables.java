package com.careflow.review;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionDefinitionEntity;
import org.springframework.stereotype.Component;

/**
 * Reads a process owners' decision table (the penalty standard, the loss standard: SPEC §1.5,
 * §1.10) for many cases at once: in memory, in one command against the latest deployed table,
 * so that a report page writes no decision history. Each case needs exactly one rule: a case
 * the table has no rule for is an error naming the case and the table.
 */
@Component
public class PolicyTables {

  private final ProcessEngineConfigurationImpl engine;

  public PolicyTables(ProcessEngine engine) {
    this.engine = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }

  /**
   * The result of {@code decisionKey} for each case of {@code inputs} (by case number),
   * converted by {@code result}.
   */
  public <T> Map<String, T> evaluate(String decisionKey, Map<String, Map<String, Object>> inputs,
      Function<DmnDecisionRuleResult, T> result) {
    if (inputs.isEmpty()) {
      return Map.of();
    }
    return engine.getCommandExecutorTxRequired().execute(context -> {
      DmnDecision table = (DecisionDefinitionEntity) context.getProcessEngineConfiguration()
          .getDeploymentCache().findDeployedLatestDecisionDefinitionByKey(decisionKey);
      DmnEngine dmn = context.getProcessEngineConfiguration().getDmnEngine();
      Map<String, T> results = new HashMap<>();
      inputs.forEach((number, values) -> {
        DmnDecisionRuleResult rule = dmn.evaluateDecisionTable(table, values).getSingleResult();
        if (rule == null) {
          throw new IllegalStateException("The decision table " + decisionKey + " has no rule "
              + "for " + number + " " + values + ": a process owner completes the table.");
        }
        results.put(number, result.apply(rule));
      });
      return results;
    });
  }
}
