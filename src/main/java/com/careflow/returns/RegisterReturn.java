package com.careflow.returns;

import static com.careflow.process.ProcessVariables.date;
import static com.careflow.process.ProcessVariables.decimal;
import static com.careflow.process.ProcessVariables.integer;
import static com.careflow.process.ProcessVariables.text;

import com.careflow.calendar.CalendarProperties;
import com.careflow.numbering.CaseNumbers;
import com.careflow.numbering.CaseNumbers.CaseNumber;
import com.careflow.returns.ReturnRegister.Claim;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Registers a return (SPEC §2.1, §2.3): numbers it {@code RT-YYMM-NNNN} in the company's time
 * zone, writes the register row and makes the number the instance's business key. A return
 * from a complaint is claimed on the day the complaint was registered; one from
 * {@code POST /api/returns} on the day sales gives, else today. A DISCOUNT or COMPENSATION the
 * complaint already approved (SPEC §2.7, §8.2: {@code settlementAmount} and
 * {@code remedyApprovedBy} given) is the discount certificate's amount ({@code discountAmount});
 * nobody types it again.
 */
@Component("registerReturn")
public class RegisterReturn implements JavaDelegate {

  /** Return numbers are {@code RT-YYMM-NNNN}. */
  static final String SERIES = "RT";

  private final CaseNumbers numbers;
  private final ReturnRegister register;
  private final ZoneId zone;

  public RegisterReturn(CaseNumbers numbers, ReturnRegister register, CalendarProperties calendar) {
    this.numbers = numbers;
    this.register = register;
    this.zone = calendar.zone();
  }

  @Override
  public void execute(DelegateExecution execution) {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    LocalDate claimedOn = date(execution, "claimedOn", zone);
    if (claimedOn == null) {
      LocalDate complaintRegistered = date(execution, "registeredAt", zone);
      claimedOn = complaintRegistered != null ? complaintRegistered : LocalDate.ofInstant(now, zone);
    }
    Claim claim = new Claim(text(execution, "complaintNumber"), text(execution, "customerName"),
        text(execution, "customerPhone"), text(execution, "customerEmail"),
        text(execution, "customerAddress"),
        text(execution, "customerRegion"), text(execution, "orderNumber"),
        text(execution, "productBatch"), date(execution, "shippedOn", zone), claimedOn,
        text(execution, "description"), integer(execution, "claimedQuantity"),
        decimal(execution, "overAcceptanceRatio"), text(execution, "requestedBy"));
    CaseNumber number = numbers.next(SERIES, now);
    register.insert(number, claim, now, execution.getProcessInstanceId());
    execution.setProcessBusinessKey(number.toString());
    execution.setVariable("returnNumber", number.toString());
    execution.setVariable("claimedOn", claimedOn.toString());
    execution.setVariable("requestedAt", Date.from(now));
    if (approvedInComplaint(execution)) {
      execution.setVariable("discountAmount", decimal(execution, "settlementAmount").doubleValue());
    }
  }

  /** A complaint's DISCOUNT or COMPENSATION, approved there: the model's path to the certificate. */
  private static boolean approvedInComplaint(DelegateExecution execution) {
    String handling = text(execution, "handling");
    return execution.getVariable("remedyApprovedBy") != null
        && execution.getVariable("settlementAmount") != null
        && ("DISCOUNT".equals(handling) || "COMPENSATION".equals(handling));
  }
}
