package com.careflow.promotion;

import static com.careflow.process.ProcessVariables.decimal;
import static com.careflow.process.ProcessVariables.text;

import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.exception.NotValidException;
import org.springframework.stereotype.Component;

/**
 * Keeps the review panel's score of a candidate (SPEC §4.4), 0 to 100; any other keeps the
 * panel's task open with the reason.
 */
@Component("recordPanelScore")
public class RecordPanelScore implements TaskListener {

  private final PromotionRegister register;

  public RecordPanelScore(PromotionRegister register) {
    this.register = register;
  }

  @Override
  public void notify(DelegateTask task) {
    BigDecimal score = decimal(task, "panelScore");
    if (score == null || score.signum() < 0 || score.compareTo(BigDecimal.valueOf(100)) > 0) {
      throw new NotValidException("The panel's score must be 0 to 100.");
    }
    register.recordPanelScore(text(task, "promotionId"), score);
  }
}
