package com.careflow.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.careflow.support.DecisionTable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SPEC §1.5: the loss standard (客诉损失金额核算基准), each rule at its inputs. What a process
 * owner can rely on: every case gets exactly one loss amount, in CNY, whatever its remedy, even
 * none; an explanation only (NONE) costs the responsible department nothing, whatever amounts
 * were entered; a discount or compensation costs the approved money; goods returned, reprocessed
 * or exchanged cost their value plus any approved money; any other remedy, or none chosen, costs
 * both; an amount not given counts as 0, and cents are kept exactly.
 */
class ComplaintLossDecisionTest {

  private static final DecisionTable decision =
      DecisionTable.of("processes/complaint-loss.dmn", "complaint-loss");

  private static final List<String> REMEDIES = Arrays.asList("NONE", "DISCOUNT", "COMPENSATION",
      "RETURN", "REPROCESS", "EXCHANGE", "OTHER", "", null);

  @ParameterizedTest(name = "{0}, approved {1}, goods {2}: {3} CNY")
  @CsvSource(nullValues = "null", value = {
    // an explanation only costs nothing, even with amounts entered
    "NONE,         null,    null,       0",
    "NONE,         800,     1500,       0",
    // a discount or compensation costs the approved money; goods do not count
    "DISCOUNT,     800,     null,     800",
    "COMPENSATION, 1200.50, 3000,    1200.50",
    "DISCOUNT,     null,    null,       0",
    // goods returned, reprocessed or exchanged cost their value plus any approved money
    "RETURN,       null,    1500,    1500",
    "RETURN,       300,     1500,    1800",
    "REPROCESS,    null,    2400.75, 2400.75",
    "EXCHANGE,     100,     null,     100",
    "EXCHANGE,     null,    null,       0",
    // any other remedy, or none chosen: both, an amount not given counting as 0
    "OTHER,        200,     300,      500",
    "null,         200,     300,      500",
    "null,         null,    null,       0",
    "null,         null,    450,      450"
  })
  void eachRuleGivesItsLossAmount(String remedy, Double approvedAmount, Double goodsValue,
      BigDecimal lossAmount) {
    assertThat(loss(remedy, approvedAmount, goodsValue)).isEqualByComparingTo(lossAmount);
  }

  @Test
  void anExplanationOnlyCostsNothingWhateverAmountsWereEntered() {
    assertThat(loss("NONE", 5000.0, 12000.0)).isEqualByComparingTo("0");
  }

  @Test
  void aReturnAddsTheGoodsValueAndTheApprovedCompensation() {
    assertThat(loss("RETURN", 250.0, 1750.0)).isEqualByComparingTo("2000");
  }

  @Test
  void centsAddUpExactly() {
    assertThat(loss("RETURN", 0.44, 1234.56)).isEqualByComparingTo("1235.00");
    assertThat(loss("EXCHANGE", 1234.56, 0.44)).isEqualByComparingTo("1235.00");
    assertThat(loss(null, 1234.56, 0.44)).isEqualByComparingTo("1235.00");
    assertThat(loss("COMPENSATION", 1234.56, 0.44)).isEqualByComparingTo("1234.56");
  }

  @Test
  void anAmountNotGivenCountsAsZero() {
    assertThat(loss("DISCOUNT", null, 900.0)).isEqualByComparingTo("0");
    assertThat(loss("REPROCESS", 75.0, null)).isEqualByComparingTo("75");
    assertThat(loss("REPROCESS", null, 75.0)).isEqualByComparingTo("75");
  }

  @Test
  void aCaseWithNoRemedyChosenStillGetsALossAmount() {
    DmnDecisionResult result = decision.evaluate(inputs(null, 120.0, 80.0));
    assertThat(result).hasSize(1);
    assertThat(result.getSingleResult().<Double>getEntry("lossAmount")).isNotNull();
    assertThat(loss(null, 120.0, 80.0)).isEqualByComparingTo("200");
  }

  /** Every case gets exactly one answer: no remedy, amount or gap is left out or doubled. */
  @Test
  void everyCombinationHasExactlyOneRule() {
    List<String> unanswered = new ArrayList<>();
    List<Double> amounts = Arrays.asList(null, 0.0, 0.01, 999.99, 5000.0);
    for (String remedy : REMEDIES) {
      for (Double approved : amounts) {
        for (Double goods : amounts) {
          DmnDecisionResult result = decision.evaluate(inputs(remedy, approved, goods));
          if (result.size() != 1
              || result.getSingleResult().<Double>getEntry("lossAmount") == null) {
            unanswered.add(remedy + "/" + approved + "/" + goods + ": " + result.size());
          }
        }
      }
    }
    assertThat(unanswered).isEmpty();
  }

  private static BigDecimal loss(String remedy, Double approvedAmount, Double goodsValue) {
    Double loss = decision.evaluate(inputs(remedy, approvedAmount, goodsValue))
        .getSingleResult().<Double>getEntry("lossAmount");
    assertThat(loss).as("lossAmount").isNotNull();
    return BigDecimal.valueOf(loss);
  }

  private static Map<String, Object> inputs(String remedy, Double approvedAmount,
      Double goodsValue) {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("remedy", remedy);
    inputs.put("approvedAmount", approvedAmount);
    inputs.put("goodsValue", goodsValue);
    return inputs;
  }
}
