package com.careflow.promotion;

import com.careflow.employee.EmployeeRecords;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * On the effective date (SPEC §4.3): each approved employee's record gets the new grade, pay
 * level and position, and a new months-in-grade clock from that date; the promotion becomes
 * EFFECTIVE.
 */
@Component("applyPromotion")
public class ApplyPromotion implements JavaDelegate {

  private final PromotionRegister register;
  private final EmployeeRecords records;

  public ApplyPromotion(PromotionRegister register, EmployeeRecords records) {
    this.register = register;
    this.records = records;
  }

  @Override
  public void execute(DelegateExecution execution) {
    @SuppressWarnings("unchecked")
    List<String> ids = (List<String>) execution.getVariable("promotionsInDecision");
    for (String id : ids) {
      Promotion promotion = register.find(id).orElseThrow();
      records.promote(promotion.employeeId(), promotion.targetGrade(),
          promotion.targetPayLevel(), promotion.targetPosition(),
          promotion.decision().effectiveDate());
      register.takeEffect(id);
    }
  }
}
