package com.careflow.returns;

import static org.assertj.core.api.Assertions.assertThat;

import com.careflow.support.DecisionTable;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SPEC §2.2 and §6: whether returned goods are taken back, rule by rule, first match wins. */
class ReturnEligibilityTest {

  private static final DecisionTable decision =
      DecisionTable.of("processes/return-eligibility.dmn", "return-eligibility");

  @ParameterizedTest(name = "not factual, {0} after {1} days, storage fault {2}: REJECT")
  @CsvSource({"MOLDY_PACKAGING, 3, false", "SEDIMENT, 40, false", "LEAKAGE, 10, true"})
  void aClaimThatIsNotFactualIsRejectedWhateverTheDefect(String defect, int days,
      boolean storageFault) {
    assertThat(decide(false, defect, days, storageFault)).isEqualTo("REJECT");
  }

  @ParameterizedTest(name = "mould after {0} days: {1}")
  @CsvSource({"0, UNCONDITIONAL_RETURN", "15, UNCONDITIONAL_RETURN", "16, RETURN", "90, RETURN"})
  void mouldyPackagingIsAnUnconditionalReturnUpToFifteenDays(int days, String expected) {
    assertThat(decide(true, "MOLDY_PACKAGING", days, false)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "storage fault, mould after {0} days: {1}")
  @CsvSource({"15, UNCONDITIONAL_RETURN", "16, REJECT"})
  void aStorageFaultRejectsMouldOnlyAfterTheFifteenDays(int days, String expected) {
    assertThat(decide(true, "MOLDY_PACKAGING", days, true)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "storage fault with {0}: REJECT")
  @CsvSource({"TWISTED_CAP", "LEAKAGE", "OTHER"})
  void theCustomersImproperStorageIsNoQualityAccident(String defect) {
    assertThat(decide(true, defect, 5, true)).isEqualTo("REJECT");
  }

  @ParameterizedTest(name = "{0}: RETURN")
  @CsvSource({"SEDIMENT", "SUSPENDED_MATTER", "TWISTED_CAP", "LEAKAGE", "OTHER"})
  void aFactualQualityDefectIsReturned(String defect) {
    assertThat(decide(true, defect, 30, false)).isEqualTo("RETURN");
  }

  @Test
  void mouldWithoutAKnownShipmentDateIsAnOrdinaryReturn() {
    assertThat(decide(true, "MOLDY_PACKAGING", null, false)).isEqualTo("RETURN");
  }

  private static String decide(boolean claimFactual, String defectType, Integer days,
      boolean storageFault) {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("claimFactual", claimFactual);
    inputs.put("defectType", defectType);
    inputs.put("daysSinceShipment", days);
    inputs.put("storageFault", storageFault);
    DmnDecisionResult result = decision.evaluate(inputs);
    return result.getSingleResult().getSingleEntry();
  }
}
