package com.careflow.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import com.careflow.support.DecisionTable;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SPEC §1.7 and §6: the decision complaint-deadlines, every rule and every combination of its
 * inputs: 3 working days (7 for a special complaint) to resolve, 15 days to close for a
 * domestic customer and 20 for a foreign one.
 */
class ComplaintDeadlinesDecisionTest {

  private static final DecisionTable decision =
      DecisionTable.of("processes/complaint-deadlines.dmn", ComplaintDeadlines.DECISION);

  @ParameterizedTest(name = "{0} {1} special={2}: reply {3} working days, close in {4} days")
  @CsvSource({
    "COMPLAINT, DOMESTIC, false, 3, 15",
    "COMPLAINT, DOMESTIC, true, 7, 15",
    "COMPLAINT, FOREIGN, false, 3, 20",
    "COMPLAINT, FOREIGN, true, 7, 20",
    "CONSULTATION, DOMESTIC, false, 3, 15",
    "CONSULTATION, DOMESTIC, true, 3, 15",
    "CONSULTATION, FOREIGN, false, 3, 20",
    "SUGGESTION, DOMESTIC, false, 3, 15",
    "SUGGESTION, FOREIGN, true, 3, 20"
  })
  void typeRegionAndSpecialCaseDecideTheDeadlines(String type, String region, boolean special,
      int replyWithinWorkingDays, int closeWithinDays) {
    DmnDecisionResultEntries result = decision.evaluate(
        Map.of("complaintType", type, "region", region, "specialCase", special))
        .getSingleResult();
    assertThat(result.<Integer>getEntry("replyWithinWorkingDays"))
        .isEqualTo(replyWithinWorkingDays);
    assertThat(result.<Integer>getEntry("closeWithinDays")).isEqualTo(closeWithinDays);
  }

  @Test
  void anUnknownRegionOrTypeMatchesNoRuleSoTheFormsMustRequireThem() {
    assertThat(decision.evaluate(
        Map.of("complaintType", "COMPLAINT", "region", "MARS", "specialCase", false))).isEmpty();
    Map<String, Object> noRegion = new HashMap<>();
    noRegion.put("complaintType", "COMPLAINT");
    noRegion.put("region", null);
    noRegion.put("specialCase", false);
    assertThat(decision.evaluate(noRegion)).isEmpty();
  }
}
