package com.careflow.returns;

import static com.careflow.process.ProcessVariables.decimal;
import static com.careflow.process.ProcessVariables.integer;
import static com.careflow.process.ProcessVariables.text;

import com.careflow.returns.ReturnRequest.Handling;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.exception.NotValidException;
import org.springframework.stereotype.Component;

/**
 * The amount finance books (SPEC §2.5, §2.7): for goods, the booked quantity at the unit price
 * of the return form; for a discount or compensation, the certificate's amount. A booked
 * quantity above what arrived is refused, so the vice president's task stays open with the
 * message.
 */
@Component("priceSettlement")
public class PriceSettlement implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    Handling handling = Handling.valueOf(text(execution, "handling"));
    BigDecimal amount;
    if (handling == Handling.RETURN || handling == Handling.REPROCESS) {
      int booked = integer(execution, "bookedQuantity");
      int received = integer(execution, "receivedQuantity");
      if (booked < 0 || booked > received) {
        throw new NotValidException("The booked quantity must be between 0 and the " + received
            + " units received, not " + booked + ".");
      }
      amount = decimal(execution, "unitPrice").multiply(BigDecimal.valueOf(booked));
    } else {
      amount = decimal(execution, "discountAmount");
    }
    execution.setVariable("settlementAmount",
        amount.setScale(2, RoundingMode.HALF_UP).doubleValue());
  }
}
