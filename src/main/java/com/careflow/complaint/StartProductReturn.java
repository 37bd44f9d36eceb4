package com.careflow.complaint;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Hands the goods or the money of a complaint to the returns procedure (SPEC §2.1, §2.7, §2.8,
 * §8.1, §8.2): starts a {@code product-return} naming this complaint, with the customer, the
 * order and the remedy ({@code handling}, the task's input parameter). For a DISCOUNT or
 * COMPENSATION the approved amount ({@code settlementAmount}) and approver
 * ({@code remedyApprovedBy}) go along, and the return goes straight to the discount
 * certificate. The return runs on its own; it tells the complaint when its form is decided
 * (message {@code ReturnFormDecided}). Runs in the complaint's transaction: the return exists
 * exactly when the step commits, before anything can answer it.
 */
@Component("startProductReturn")
public class StartProductReturn implements JavaDelegate {

  static final String RETURNS = "product-return";

  /** What the return is told of the complaint, under the same names. */
  private static final List<String> HANDED = List.of("complaintNumber", "customerName",
      "customerPhone", "customerEmail", "customerAddress", "customerRegion", "orderNumber",
      "productBatch", "shippedOn", "description", "registeredAt");

  @Override
  public void execute(DelegateExecution execution) {
    Map<String, Object> variables = new HashMap<>();
    HANDED.forEach(name -> variables.put(name, execution.getVariable(name)));
    variables.put("requestedBy", execution.getVariable("firstContactAgent"));
    variables.put("handling", execution.getVariableLocal("handling"));
    for (String money : List.of("settlementAmount", "remedyApprovedBy")) {
      Object value = execution.getVariableLocal(money);
      if (value != null && !value.toString().isBlank()) {
        variables.put(money, value);
      }
    }
    ProcessInstance started = execution.getProcessEngineServices().getRuntimeService()
        .startProcessInstanceByKey(RETURNS, variables);
    execution.setVariable("returnNumber", started.getBusinessKey() != null
        ? started.getBusinessKey()
        : execution.getProcessEngineServices().getRuntimeService()
            .getVariable(started.getId(), "returnNumber"));
  }
}
