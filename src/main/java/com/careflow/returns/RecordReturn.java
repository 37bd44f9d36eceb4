package com.careflow.returns;

import static com.careflow.process.ProcessVariables.date;
import static com.careflow.process.ProcessVariables.decimal;
import static com.careflow.process.ProcessVariables.flag;
import static com.careflow.process.ProcessVariables.integer;
import static com.careflow.process.ProcessVariables.text;

import com.careflow.calendar.CalendarProperties;
import com.careflow.returns.ReturnRegister.Progress;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * Keeps the returns register current (SPEC §2): after the decision, the certificate's signer,
 * the warehouse receipt and a replacement shipment (as an end listener) it records how the
 * return stands; as the closing task, with the input
 * parameters {@code returnStatus} (REJECTED or SETTLED) and {@code closedAt}, it also closes
 * the return, and the status goes on the instance, where a linked complaint reads it.
 */
@Component("recordReturn")
public class RecordReturn implements JavaDelegate {

  private final ReturnRegister register;
  private final ZoneId zone;

  public RecordReturn(ReturnRegister register, CalendarProperties calendar) {
    this.register = register;
    this.zone = calendar.zone();
  }

  @Override
  public void execute(DelegateExecution execution) {
    String number = text(execution, "returnNumber");
    Progress progress = new Progress(text(execution, "defectType"),
        flag(execution, "claimFactual"), flag(execution, "storageFault"),
        date(execution, "shippedOn", zone), integer(execution, "daysSinceShipment"),
        text(execution, "returnDecision"), text(execution, "handling"),
        integer(execution, "approvedQuantity"), decimal(execution, "unitPrice"),
        integer(execution, "receivedQuantity"), text(execution, "returnProof"),
        text(execution, "proofReference"), integer(execution, "bookedQuantity"),
        integer(execution, "replacementQuantity"), text(execution, "dispatchNumber"),
        decimal(execution, "settlementAmount"), text(execution, "voucherNumber"));
    String status = execution.hasVariableLocal("returnStatus")
        ? (String) execution.getVariableLocal("returnStatus") : null;
    if (status == null) {
      register.record(number, progress);
      return;
    }
    Date closedAt = (Date) execution.getVariableLocal("closedAt");
    register.close(number, progress, status, closedAt.toInstant());
    VariableScope instance = execution.getProcessInstance();
    instance.setVariable("returnStatus", status);
    instance.setVariable("closedAt", closedAt);
  }
}
