package com.careflow.review;

import com.careflow.complaint.ComplaintRegister.Entry;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;

/**
 * The penalty standard (客诉罚扣判定基准, SPEC §1.10), the process owners' decision table
 * {@code complaint-penalty}, read for one upheld complaint: the deduction from its responsible
 * person's or unit's performance bonus, and the administrative sanction it calls for. The
 * inputs come from the register: the category, whether a person or only a unit was found
 * responsible, whether the case was severe, whether the investigation found human negligence,
 * and whether it was a second complaint (the customer rejected the result, so it was handled
 * again: more than one round, SPEC §1.8). What the register does not know counts as no.
 */
@Component
public class PenaltyStandard {

  static final String DECISION = "complaint-penalty";

  /** What the standard gives a case: CNY, and NONE, WARNING, DEMERIT or MAJOR_DEMERIT. */
  public record Consequence(BigDecimal bonusDeduction, String sanction) {}

  private final DecisionService decisions;

  public PenaltyStandard(DecisionService decisions) {
    this.decisions = decisions;
  }

  public Consequence of(Entry upheld) {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("category", upheld.category());
    inputs.put("responsibleKind", upheld.outcome().responsiblePerson() != null ? "PERSON"
        : "UNIT");
    inputs.put("severe", Boolean.TRUE.equals(upheld.outcome().severe()));
    inputs.put("negligence", Boolean.TRUE.equals(upheld.outcome().humanNegligence()));
    inputs.put("secondComplaint", upheld.round() > 1);
    DmnDecisionRuleResult result = decisions.evaluateDecisionTableByKey(DECISION)
        .variables(inputs).evaluate().getSingleResult();
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
