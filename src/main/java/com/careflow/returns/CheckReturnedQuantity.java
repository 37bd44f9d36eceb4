package com.careflow.returns;

import static com.careflow.process.ProcessVariables.decimal;
import static com.careflow.process.ProcessVariables.integer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * Finance's reconciliation rule (SPEC §2.5; seed 003 篇五 第十三條 (二) 1): the received
 * quantity is reconciled when it is at most the approved quantity, or above it by at most the
 * over-acceptance ratio (超量允收比率): the customer's ({@code overAcceptanceRatio}), else the
 * company default, the task's input parameter {@code defaultOverAcceptanceRatio}. A reconciled
 * return is booked at the received quantity; otherwise whoever the amount authority names for
 * the excess value decides ({@code excessValue}: the units received above the approved quantity
 * at the form's unit price; SPEC §1.6).
 */
@Component("checkReturnedQuantity")
public class CheckReturnedQuantity implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    BigDecimal ratio = decimal(execution, "overAcceptanceRatio");
    if (ratio == null) {
      ratio = decimal(execution, "defaultOverAcceptanceRatio");
    }
    int approved = integer(execution, "approvedQuantity");
    int received = integer(execution, "receivedQuantity");
    BigDecimal acceptable = BigDecimal.valueOf(approved).multiply(BigDecimal.ONE.add(ratio));
    boolean reconciled = BigDecimal.valueOf(received).compareTo(acceptable) <= 0;
    VariableScope instance = execution.getProcessInstance();
    instance.setVariable("appliedOverAcceptanceRatio", ratio.doubleValue());
    instance.setVariable("acceptableQuantity", acceptable.intValue());
    instance.setVariable("quantityReconciled", reconciled);
    BigDecimal excess = BigDecimal.valueOf(Math.max(0, received - approved))
        .multiply(decimal(execution, "unitPrice")).setScale(2, RoundingMode.HALF_UP);
    instance.setVariable("excessValue", excess.doubleValue());
    if (reconciled) {
      instance.setVariable("bookedQuantity", received);
    }
  }
}
