package com.careflow.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.careflow.support.DecisionTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SPEC §1.10: the penalty standard (客诉罚扣判定基准), each rule at its inputs. A bonus deduction
 * goes to finance with the reward and penalty notice; a sanction goes to HR, which publishes it.
 */
class ComplaintPenaltyDecisionTest {

  private static final DecisionTable decision =
      DecisionTable.of("processes/complaint-penalty.dmn", "complaint-penalty");

  private static final List<String> CATEGORIES = List.of("PRODUCT_QUALITY", "RETURN_REQUEST",
      "SERVICE_CONDUCT", "MISUNDERSTANDING", "NON_QUALITY");

  @ParameterizedTest(name = "{0} / {1}, severe {2}, negligence {3}, second {4}: {5} CNY, {6}")
  @CsvSource({
    // a misunderstanding is explained, whoever and however
    "MISUNDERSTANDING, PERSON,   true,  true,  true,    0, NONE",
    "MISUNDERSTANDING, UNIT,     false, false, false,   0, NONE",
    // an outside party's fault is taken up with it (its loss: complaint-loss)
    "PRODUCT_QUALITY,  EXTERNAL, true,  true,  true,    0, NONE",
    // an ordinary mistake
    "PRODUCT_QUALITY,  PERSON,   false, false, false, 100, NONE",
    "SERVICE_CONDUCT,  UNIT,     false, false, false, 100, NONE",
    // personal fault: 200 CNY a case (seed 003 篇七 9.6)
    "PRODUCT_QUALITY,  PERSON,   false, true,  false, 200, NONE",
    // a second complaint
    "NON_QUALITY,      PERSON,   false, false, true,  200, NONE",
    "RETURN_REQUEST,   PERSON,   false, true,  true,  300, WARNING",
    // severe
    "PRODUCT_QUALITY,  PERSON,   true,  false, false, 300, WARNING",
    "PRODUCT_QUALITY,  UNIT,     true,  false, true,  500, WARNING",
    "SERVICE_CONDUCT,  PERSON,   true,  true,  false, 500, DEMERIT",
    "SERVICE_CONDUCT,  PERSON,   true,  true,  true,  800, MAJOR_DEMERIT"
  })
  void eachRuleGivesItsDeductionAndSanction(String category, String responsibleKind,
      boolean severe, boolean negligence, boolean secondComplaint, double bonusDeduction,
      String sanction) {
    DmnDecisionResult result = decision.evaluate(inputs(category, responsibleKind, severe,
        negligence, secondComplaint));
    assertThat(result.getSingleResult().<Double>getEntry("bonusDeduction"))
        .isEqualTo(bonusDeduction);
    assertThat(result.getSingleResult().<String>getEntry("sanction")).isEqualTo(sanction);
  }

  /** Every upheld complaint gets exactly one answer: no combination is left out or doubled. */
  @Test
  void everyCombinationHasExactlyOneRule() {
    List<String> unanswered = new ArrayList<>();
    boolean[] both = {false, true};
    for (String category : CATEGORIES) {
      for (String kind : List.of("PERSON", "UNIT", "EXTERNAL")) {
        for (boolean severe : both) {
          for (boolean negligence : both) {
            for (boolean second : both) {
              DmnDecisionResult result = decision.evaluate(inputs(category, kind, severe,
                  negligence, second));
              if (result.size() != 1) {
                unanswered.add(category + "/" + kind + "/" + severe + "/" + negligence + "/"
                    + second + ": " + result.size());
              }
            }
          }
        }
      }
    }
    assertThat(unanswered).isEmpty();
  }

  /** A heavier case never costs less: severity, negligence and a second complaint only add. */
  @Test
  void aHeavierCaseNeverCostsLess() {
    boolean[] both = {false, true};
    for (boolean negligence : both) {
      for (boolean second : both) {
        assertThat(deduction(true, negligence, second))
            .isGreaterThanOrEqualTo(deduction(false, negligence, second));
        assertThat(deduction(negligence, true, second))
            .isGreaterThanOrEqualTo(deduction(negligence, false, second));
        assertThat(deduction(negligence, second, true))
            .isGreaterThanOrEqualTo(deduction(negligence, second, false));
      }
    }
  }

  private static double deduction(boolean severe, boolean negligence, boolean second) {
    return decision.evaluate(inputs("PRODUCT_QUALITY", "PERSON", severe, negligence, second))
        .getSingleResult().<Double>getEntry("bonusDeduction");
  }

  private static Map<String, Object> inputs(String category, String responsibleKind,
      boolean severe, boolean negligence, boolean secondComplaint) {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("category", category);
    inputs.put("responsibleKind", responsibleKind);
    inputs.put("severe", severe);
    inputs.put("negligence", negligence);
    inputs.put("secondComplaint", secondComplaint);
    return inputs;
  }
}
