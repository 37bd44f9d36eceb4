package com.careflow.complaint;

import com.careflow.notify.CustomerNotice;
import com.careflow.notify.CustomerNotifier;
import java.util.Objects;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Tells the customer about their case (SPEC §1.2–§1.4, §1.8). The model says which notice with
 * the task's input parameter {@code notice}; the text is made from the case's variables.
 */
@Component("notifyCustomer")
public class NotifyCustomer implements JavaDelegate {

  /** The notices of complaint handling. */
  public enum Notice { ACKNOWLEDGEMENT, EXPLANATION, OUTCOME, SUGGESTION_REPLY }

  private final CustomerNotifier notifier;

  public NotifyCustomer(CustomerNotifier notifier) {
    this.notifier = notifier;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Notice notice = Notice.valueOf((String) execution.getVariableLocal("notice"));
    String number = string(execution, "complaintNumber");
    String message = switch (notice) {
      case ACKNOWLEDGEMENT -> "We have registered your complaint " + number + " about \""
          + string(execution, "subject") + "\" and are handling it. We will tell you the outcome.";
      case EXPLANATION -> "About your complaint " + number + ": "
          + string(execution, "triageNote");
      case OUTCOME -> "The outcome of your complaint " + number + ": " + outcome(execution);
      case SUGGESTION_REPLY -> "Thank you for your suggestion " + number + ". "
          + (Boolean.TRUE.equals(execution.getVariable("adopted"))
              ? "We are adopting it. " : "We are not adopting it for now. ")
          + string(execution, "managerComment");
    };
    notifier.send(new CustomerNotice(number, notice.name(), string(execution, "customerName"),
        string(execution, "customerPhone"), message));
  }

  /** What was decided, by the path the case took: a remedy, a discipline or an explanation. */
  private static String outcome(DelegateExecution execution) {
    String decided = Stream.of("remedyNote", "disciplinaryResult", "explanation")
        .map(name -> string(execution, name))
        .filter(Objects::nonNull)
        .findFirst()
        .orElse("handled");
    String returnDecision = string(execution, "returnDecision");
    return returnDecision == null ? decided : decided + " (return decision: " + returnDecision + ")";
  }

  private static String string(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null ? null : value.toString();
  }
}
