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
 * The amount finance books (SPEC §2.5, §2.7, §1.6): for goods taken back or reprocessed, the
 * booked quantity at the unit price of the return form; for an exchange, the booked units the
 * warehouse did not replace at that price (none, so 0, when every unit was replaced: the goods
 * that came back and the replacement cancel out); for a discount or compensation, the
 * certificate's amount. A booked quantity above what arrived is refused, so the approver's task
 * stays open with the message; so is a replacement above the booked quantity, for the
 * warehouse's task.
 */
@Component("priceSettlement")
public class PriceSettlement implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    Handling handling = Handling.valueOf(text(execution, "handling"));
    BigDecimal amount;
    if (handling == Handling.RETURN || handling == Handling.REPROCESS
        || handling == Handling.EXCHANGE) {
      int booked = integer(execution, "bookedQuantity");
      int received = integer(execution, "receivedQuantity");
      if (booked < 0 || booked > received) {
        throw new NotValidException("The booked quantity must be between 0 and the " + received
            + " units received, not " + booked + ".");
      }
      int credited = booked;
      if (handling == Handling.EXCHANGE) {
        int replaced = integer(execution, "replacementQuantity");
        if (replaced < 0 || replaced > booked) {
          throw new NotValidException("The replacement must be between 0 and the " + booked
              + " units booked, not " + replaced + ".");
        }
        credited = booked - replaced;
      }
      amount = decimal(execution, "unitPrice").multiply(BigDecimal.valueOf(credited));
    } else {
      amount = decimal(execution, "discountAmount");
    }
    execution.setVariable("settlementAmount",
        amount.setScale(2, RoundingMode.HALF_UP).doubleValue());
  }
}
