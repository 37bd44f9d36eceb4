package com.careflow.review;

import com.careflow.complaint.ComplaintRegister.Entry;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * The penalty standard (客诉罚扣判定基准, SPEC §1.10), the process owners' decision table
 * {@code complaint-penalty}, read for upheld complaints: the deduction from each one's responsible
 * person's or unit's performance bonus, and the administrative sanction it calls for. The
 * inputs come from the register and the GM office's decision: the category, whether a person,
 * a unit of the company or an outside party was found responsible, whether the case was
 * severe, whether the investigation found human negligence, and whether it was a second
 * complaint (the customer rejected the result, so it was handled again, or complained again
 * about the same order within the policy's days, SPEC §1.8). What the register does not know
 * counts as no.
 *
 * <p>The figures are read wherever a month's report is shown, so the table is read in memory
 * ({@link PolicyTables}): no decision history is written for a page view. The compiled review
 * keeps what the notice said.
 */
@Component
public class PenaltyStandard {

  static final String DECISION = "complaint-penalty";

  /** What the standard gives a case: CNY, and NONE, WARNING, DEMERIT or MAJOR_DEMERIT. */
  public record Consequence(BigDecimal bonusDeduction, String sanction) {}

  private final PolicyTables tables;

  public PenaltyStandard(PolicyTables tables) {
    this.tables = tables;
  }

  /**
   * The consequence of each upheld complaint, by its number.
   *
   * @param responsibleKind PERSON, UNIT or EXTERNAL for a complaint
   */
  public Map<String, Consequence> of(List<Entry> upheld,
      Function<Entry, String> responsibleKind) {
    Map<String, Map<String, Object>> inputs = new LinkedHashMap<>();
    for (Entry entry : upheld) {
      Map<String, Object> values = new HashMap<>();
      values.put("category", entry.category());
      values.put("responsibleKind", responsibleKind.apply(entry));
      values.put("severe", Boolean.TRUE.equals(entry.outcome().severe()));
      values.put("negligence", Boolean.TRUE.equals(entry.outcome().humanNegligence()));
      values.put("secondComplaint", entry.secondComplaint());
      inputs.put(entry.number(), values);
    }
    return tables.evaluate(DECISION, inputs, result -> {
      Number deduction = result.getEntry("bonusDeduction");
      String sanction = result.getEntry("sanction");
      return new Consequence(new BigDecimal(deduction == null ? "0" : deduction.toString())
          .setScale(2, RoundingMode.HALF_UP), sanction == null ? "NONE" : sanction);
    });
  }
}
