package com.careflow.returns;

import static com.careflow.process.ProcessVariables.decimal;
import static com.careflow.process.ProcessVariables.text;

import com.careflow.notify.CustomerNotice;
import com.careflow.notify.CustomerNotifier;
import java.math.RoundingMode;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Tells the customer about their return (SPEC §2.2, §2.8): why it was rejected, or what was
 * settled. The model says which with the task's input parameter {@code notice}.
 */
@Component("tellCustomerAboutReturn")
public class TellCustomerAboutReturn implements JavaDelegate {

  /** The notices of a return. */
  public enum Notice { REJECTION, SETTLEMENT }

  private final CustomerNotifier notifier;

  public TellCustomerAboutReturn(CustomerNotifier notifier) {
    this.notifier = notifier;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Notice notice = Notice.valueOf((String) execution.getVariableLocal("notice"));
    String number = text(execution, "returnNumber");
    String complaint = text(execution, "complaintNumber");
    String about = "About your return " + number
        + (complaint == null ? "" : " (complaint " + complaint + ")") + ": ";
    String message = switch (notice) {
      case REJECTION -> about + "we cannot take the goods back. "
          + text(execution, "investigationFindings");
      case SETTLEMENT -> about + settlement(execution);
    };
    notifier.send(new CustomerNotice(number, "RETURN_" + notice.name(),
        text(execution, "customerName"), text(execution, "customerPhone"), message));
  }

  private static String settlement(DelegateExecution execution) {
    String amount = decimal(execution, "settlementAmount").setScale(2, RoundingMode.HALF_UP)
        .toPlainString();
    return switch (ReturnRequest.Handling.valueOf(text(execution, "handling"))) {
      case RETURN -> "we took back " + text(execution, "bookedQuantity")
          + " units and credit you " + amount + " CNY.";
      case REPROCESS -> "we took back " + text(execution, "bookedQuantity")
          + " units for reprocessing; " + amount + " CNY is booked for them.";
      case DISCOUNT -> "we grant you a discount of " + amount + " CNY.";
      case COMPENSATION -> "we pay you a compensation of " + amount + " CNY.";
    };
  }
}
