package com.careflow.returns;

import static com.careflow.process.ProcessVariables.decimal;
import static com.careflow.process.ProcessVariables.text;

import com.careflow.notify.CustomerNotice;
import com.careflow.notify.CustomerNotifier;
import com.careflow.notify.NoticeTemplates;
import java.math.RoundingMode;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Tells the customer about their return (SPEC §2.2, §2.3, §2.8): why it was rejected (by the
 * eligibility decision, with quality's findings, or by the form's approver, with the reason),
 * or what was settled. The model says which with the task's input parameter {@code notice}; the text is the
 * process owner's, in the company's language ({@code notices/}).
 */
@Component("tellCustomerAboutReturn")
public class TellCustomerAboutReturn implements JavaDelegate {

  /** The notices of a return. */
  public enum Notice { REJECTION, FORM_REJECTION, SETTLEMENT }

  private final CustomerNotifier notifier;
  private final NoticeTemplates templates;

  public TellCustomerAboutReturn(CustomerNotifier notifier, NoticeTemplates templates) {
    this.notifier = notifier;
    this.templates = templates;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Notice notice = Notice.valueOf((String) execution.getVariableLocal("notice"));
    String template = switch (notice) {
      case REJECTION -> "return-rejection";
      case FORM_REJECTION -> "return-form-rejection";
      case SETTLEMENT -> "return-settlement-"
          + ReturnRequest.Handling.valueOf(text(execution, "handling")).name();
    };
    String complaint = text(execution, "complaintNumber");
    String reference = complaint == null ? ""
        : templates.render("complaint-reference", execution::getVariable);
    String message = templates.render(template, name -> switch (name) {
      case "complaintReference" -> reference;
      case "settlementAmount" -> decimal(execution, "settlementAmount")
          .setScale(2, RoundingMode.HALF_UP).toPlainString();
      default -> execution.getVariable(name);
    });
    notifier.send(new CustomerNotice(text(execution, "returnNumber"), "RETURN_" + notice.name(),
        template, text(execution, "customerName"), text(execution, "customerPhone"),
        text(execution, "customerEmail"), message));
  }
}
