package com.careflow.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import com.careflow.support.DecisionTable;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SPEC §1.6 and §6: who approves money promised to a customer, with the bounds exactly as the
 * seed's 核决权限 writes them ("1000元以下", "1000-5000元", "5000元以上").
 */
class ComplaintApprovalAuthorityTest {

  private static final DecisionTable decision =
      DecisionTable.of("processes/complaint-approval-authority.dmn", "complaint-approval-authority");

  @ParameterizedTest(name = "{0} CNY is approved by {1}")
  @CsvSource({
    "0, sales-managers",
    "999.99, sales-managers",
    "1000, vice-presidents",
    "3000, vice-presidents",
    "5000, vice-presidents",
    "5000.01, general-managers",
    "120000, general-managers"
  })
  void theAmountDecidesTheApprover(double amount, String approverGroup) {
    DmnDecisionResult result = decision.evaluate(Map.of("amount", amount));
    assertThat(result.getSingleResult().<String>getEntry("approverGroup"))
        .isEqualTo(approverGroup);
  }

  @ParameterizedTest(name = "integer {0} is approved by {1}")
  @CsvSource({"999, sales-managers", "1000, vice-presidents", "5000, vice-presidents",
      "5001, general-managers"})
  void wholeAmountsFromFormsDecideTheSame(long amount, String approverGroup) {
    assertThat(decision.evaluate(Map.of("amount", amount)).getSingleResult()
        .<String>getEntry("approverGroup")).isEqualTo(approverGroup);
  }

  @ParameterizedTest(name = "{0} CNY has no approver")
  @CsvSource({"-0.01", "-500"})
  void aNegativeAmountMatchesNoRule(double amount) {
    assertThat(decision.evaluate(Map.of("amount", amount))).isEmpty();
  }

  @Test
  void aMissingAmountFindsNoApproverSoTheFormMustRequireIt() {
    Map<String, Object> noAmount = new HashMap<>();
    noAmount.put("amount", null);
    assertThat(decision.evaluate(noAmount)).isEmpty();
    assertThat(decision.evaluate(Map.of())).isEmpty();
  }
}
