package com.careflow.review;

import com.careflow.complaint.ComplaintRegister.Entry;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The loss standard (客诉损失金额核算基准, SPEC §1.5; seed 003 篇五 九(六)), the process owners'
 * decision table {@code complaint-loss}: the loss an upheld complaint caused, charged to its
 * responsible unit in the GM office's share. The inputs: the remedy, the money approved (a
 * discount or compensation) and the value of the goods returned, reprocessed or exchanged
 * (each return of the complaint: the booked quantity, or else the approved one, at its unit
 * price). Read in memory like the penalty standard ({@link PolicyTables}).
 */
@Component
public class LossStandard {

  static final String DECISION = "complaint-loss";

  private final PolicyTables tables;

  public LossStandard(PolicyTables tables) {
    this.tables = tables;
  }

  /**
   * The loss amount of each upheld complaint, by its number (CNY).
   *
   * @param goodsValues the value of each complaint's goods returned, reprocessed or exchanged,
   *     by number; absent when none
   */
  public Map<String, BigDecimal> of(List<Entry> upheld, Map<String, BigDecimal> goodsValues) {
    Map<String, Map<String, Object>> inputs = new LinkedHashMap<>();
    for (Entry entry : upheld) {
      Map<String, Object> values = new HashMap<>();
      values.put("remedy", entry.remedy());
      values.put("approvedAmount", entry.outcome().compensationAmount() == null ? null
          : entry.outcome().compensationAmount().doubleValue());
      BigDecimal goods = goodsValues.get(entry.number());
      values.put("goodsValue", goods == null ? null : goods.doubleValue());
      inputs.put(entry.number(), values);
    }
    return tables.evaluate(DECISION, inputs, result -> {
      Number loss = result.getEntry("lossAmount");
      return new BigDecimal(loss == null ? "0" : loss.toString())
          .setScale(2, RoundingMode.HALF_UP);
    });
  }
}
