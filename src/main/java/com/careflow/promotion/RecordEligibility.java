package com.careflow.promotion;

import static com.careflow.process.ProcessVariables.text;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Records the eligibility decision (SPEC §4.2): INELIGIBLE with every unmet condition, which is
 * what the nominator is told, or IN_REVIEW. Sets {@code eligible} in the current scope.
 */
@Component("recordEligibility")
public class RecordEligibility implements JavaDelegate {

  private final PromotionRegister register;

  public RecordEligibility(PromotionRegister register) {
    this.register = register;
  }

  @Override
  public void execute(DelegateExecution execution) {
    @SuppressWarnings("unchecked")
    List<String> unmet = List.copyOf((List<String>) execution.getVariable("unmetConditions"));
    register.recordEligibility(text(execution, "promotionId"), unmet);
    execution.setVariableLocal("eligible", unmet.isEmpty());
  }
}
