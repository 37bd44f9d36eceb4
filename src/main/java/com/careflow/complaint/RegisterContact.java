package com.careflow.complaint;

import static com.careflow.process.ProcessVariables.text;

import com.careflow.complaint.ComplaintIntake.Registered;
import com.careflow.complaint.ComplaintRequest.Channel;
import com.careflow.complaint.ComplaintRequest.ComplaintType;
import com.careflow.customer.Customer;
import com.careflow.customer.Customer.Region;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Registers a contact that an agent started with the start form in Tasklist (SPEC §1.1, §1.3):
 * the same validation, numbering and register row as {@code POST /api/complaints}, and the
 * agent who started it owns it (首问负责制). A contact from the intake API is registered
 * already ({@code complaintNumber} is set). Either way a complaint about an order complained
 * about within {@code secondComplaintDays} is marked a second complaint.
 */
@Component("registerContact")
public class RegisterContact implements JavaDelegate {

  private final ComplaintIntake intake;
  private final ComplaintRegister complaints;

  public RegisterContact(ComplaintIntake intake, ComplaintRegister complaints) {
    this.intake = intake;
    this.complaints = complaints;
  }

  @Override
  public void execute(DelegateExecution execution) {
    if (execution.getVariable("complaintNumber") == null) {
      register(execution);
    }
    markSecondComplaint(execution);
  }

  /**
   * A complaint about an order another complaint was about within the task's input parameter
   * {@code secondComplaintDays} (30, policy) is a second complaint (二次投诉, SPEC §1.8): marked on
   * the case ({@code secondComplaint}, {@code earlierComplaint}) and in the register.
   */
  private void markSecondComplaint(DelegateExecution execution) {
    Object days = execution.getVariableLocal("secondComplaintDays");
    Object order = execution.getVariable("orderNumber");
    if (!"COMPLAINT".equals(execution.getVariable("complaintType")) || order == null
        || order.toString().isBlank() || !(days instanceof Number window)) {
      return;
    }
    String number = (String) execution.getVariable("complaintNumber");
    Instant since = ClockUtil.getCurrentTime().toInstant()
        .minus(java.time.Duration.ofDays(window.longValue()));
    complaints.earlierComplaintAboutTheOrder(order.toString(), number, since)
        .ifPresent(earlier -> {
          complaints.markSecondComplaint(number, earlier);
          execution.setVariable("secondComplaint", true);
          execution.setVariable("earlierComplaint", earlier);
        });
  }

  private void register(DelegateExecution execution) {
    Authentication user = execution.getProcessEngineServices().getIdentityService()
        .getCurrentAuthentication();
    if (user == null || user.getUserId() == null) {
      throw new IllegalStateException("A contact is registered by a logged-in agent");
    }
    ComplaintRequest request = request(execution);
    Registered registered =
        intake.registerStarted(request, user.getUserId(), execution.getProcessInstanceId());
    execution.setProcessBusinessKey(registered.number());
    execution.setVariables(ComplaintIntake.variables(registered.number(), request,
        user.getUserId(), registered.registeredAt()));
  }

  /** The start form's fields as the intake API's request. */
  private static ComplaintRequest request(DelegateExecution execution) {
    return new ComplaintRequest(
        enumOf(Channel.class, execution.getVariable("channel")),
        enumOf(ComplaintType.class, execution.getVariable("complaintType")),
        new Customer(text(execution, "customerName"), text(execution, "customerPhone"),
            text(execution, "customerEmail"), text(execution, "customerAddress"),
            enumOf(Region.class, execution.getVariable("customerRegion"))),
        text(execution, "subject"), text(execution, "description"),
        text(execution, "orderNumber"), text(execution, "productBatch"),
        execution.getVariable("shippedOn") instanceof Date date
            ? LocalDate.ofInstant(date.toInstant(), java.time.ZoneOffset.UTC)
            : text(execution, "shippedOn") == null ? null
            : LocalDate.parse(text(execution, "shippedOn").substring(0, 10)),
        execution.getVariable("claimedAmount") instanceof Number amount
            ? new BigDecimal(amount.toString()) : null,
        Boolean.TRUE.equals(execution.getVariable("resolvedOnFirstContact")),
        whole(execution, "quantity"), whole(execution, "defectiveQuantity"),
        Boolean.TRUE.equals(execution.getVariable("quantityUnknown")),
        enumOf(ComplaintRequest.CustomerDemand.class, execution.getVariable("customerDemand")),
        Boolean.TRUE.equals(execution.getVariable("sampleReceived")));
  }

  /** A count the form gives as a number: whole, or the contact is refused naming the field. */
  private static Integer whole(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    if (value == null) {
      return null;
    }
    try {
      return value instanceof Number number
          ? new BigDecimal(number.toString()).intValueExact() : Integer.valueOf(value.toString());
    } catch (ArithmeticException | NumberFormatException notWhole) {
      throw new NotValidException("The contact cannot be registered: " + name
          + " must be a whole number", notWhole);
    }
  }

  private static <E extends Enum<E>> E enumOf(Class<E> type, Object value) {
    if (value == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.toString().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException unknown) {
      throw new NotValidException("The contact cannot be registered: unknown "
          + type.getSimpleName() + " " + value, unknown);
    }
  }
}
