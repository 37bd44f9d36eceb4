package com.careflow.complaint;

import com.careflow.notify.CustomerNotice;
import com.careflow.notify.CustomerNotifier;
import com.careflow.notify.NoticeTemplates;
import java.util.Objects;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Tells the customer about their case (SPEC §1.2–§1.4, §1.8). The model says which notice with
 * the task's input parameter {@code notice}; its text is the process owner's, in the company's
 * language ({@code notices/}), with the case's values; {@code {handleBy}} is the day of the
 * round's resolution deadline ({@code resolutionDeadline}).
 */
@Component("notifyCustomer")
public class NotifyCustomer implements JavaDelegate {

  /** The notices of complaint handling. */
  public enum Notice { ACKNOWLEDGEMENT, EXPLANATION, OUTCOME, SUGGESTION_PROMISE, SUGGESTION_REPLY }

  private final CustomerNotifier notifier;
  private final NoticeTemplates templates;

  public NotifyCustomer(CustomerNotifier notifier, NoticeTemplates templates) {
    this.notifier = notifier;
    this.templates = templates;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Notice notice = Notice.valueOf((String) execution.getVariableLocal("notice"));
    String template = switch (notice) {
      case ACKNOWLEDGEMENT -> "complaint-acknowledgement";
      case EXPLANATION -> "complaint-explanation";
      case OUTCOME -> execution.getVariable("returnDecision") == null ? "complaint-outcome"
          : "complaint-outcome-return";
      case SUGGESTION_PROMISE -> "complaint-suggestion-promise";
      case SUGGESTION_REPLY -> Boolean.TRUE.equals(execution.getVariable("adopted"))
          ? "complaint-suggestion-adopted" : "complaint-suggestion-declined";
    };
    String message = templates.render(template, name -> switch (name) {
      case "outcome" -> outcome(execution);
      case "handleBy" -> day(execution.getVariable("resolutionDeadline"));
      case "replyBy" -> day(execution.getVariable("replyBy"));
      default -> execution.getVariable(name);
    });
    notifier.send(new CustomerNotice(string(execution, "complaintNumber"), notice.name(),
        template, string(execution, "customerName"), string(execution, "customerPhone"),
        string(execution, "customerEmail"), message));
  }

  /**
   * A date as the customer reads it: its day, YYYY-MM-DD, in the company's zone (the JVM's,
   * {@code locale.CompanyTimeZone}); a form's date field already is one ({@code YYYY-MM-DD…});
   * null without one.
   */
  private static String day(Object date) {
    if (date instanceof java.util.Date instant) {
      return java.time.LocalDate.ofInstant(instant.toInstant(), java.time.ZoneId.systemDefault())
          .toString();
    }
    return date == null ? null : date.toString().substring(0, 10);
  }

  /** What was decided, by the path the case took: a remedy, a discipline or an explanation. */
  private static String outcome(DelegateExecution execution) {
    return Stream.of("remedyNote", "disciplinaryResult", "explanation")
        .map(name -> string(execution, name))
        .filter(Objects::nonNull)
        .findFirst()
        .orElse("");
  }

  private static String string(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null ? null : value.toString();
  }
}
