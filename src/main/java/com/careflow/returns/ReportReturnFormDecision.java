package com.careflow.returns;

import static com.careflow.process.ProcessVariables.text;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.MessageCorrelationResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Tells the complaint that handed the goods over how its return form was decided (SPEC §2.8,
 * §8.1): message {@value #MESSAGE} to the complaint's instance (business key
 * {@code complaintNumber}) with {@code returnNumber}, {@code returnDecision} and
 * {@code returnFormStatus}, the task's input parameter: APPROVED (the form approved, or its
 * certificate signed) or REJECTED (the return rejected by the eligibility decision or by the
 * form's approver). The hand-over goes through the engine, so the returns package knows nothing
 * of the complaint's internals. The return does not wait for the complaint: a complaint that no
 * longer waits (already told, closed, or an older model) is logged, not an error. The model runs
 * it behind an asynchronous continuation, so a failure is an incident in Cockpit.
 */
@Component("reportReturnFormDecision")
public class ReportReturnFormDecision implements JavaDelegate {

  /** The message the complaint waits for. */
  public static final String MESSAGE = "ReturnFormDecided";

  private static final Logger LOG = LoggerFactory.getLogger(ReportReturnFormDecision.class);

  @Override
  public void execute(DelegateExecution execution) {
    String complaint = text(execution, "complaintNumber");
    String status = (String) execution.getVariableLocal("returnFormStatus");
    if (!"APPROVED".equals(status) && !"REJECTED".equals(status)) {
      throw new IllegalStateException("returnFormStatus must be APPROVED or REJECTED, not "
          + status + " (the task's input parameter)");
    }
    String number = text(execution, "returnNumber");
    if (complaint == null) {
      LOG.info("Return {} has no complaint to tell that its form is {}", number, status);
      return;
    }
    Map<String, Object> decision = new HashMap<>();
    decision.put("returnNumber", number);
    // a form rejected for good is a rejection, whatever eligibility said: the customer is told so
    decision.put("returnDecision", "REJECTED".equals(status) ? "REJECT"
        : text(execution, "returnDecision"));
    decision.put("returnFormStatus", status);
    List<MessageCorrelationResult> told = execution.getProcessEngineServices().getRuntimeService()
        .createMessageCorrelation(MESSAGE).processInstanceBusinessKey(complaint)
        // only the round that started this return waits for it, not a later round's return
        .processInstanceVariableEquals("returnNumber", number)
        .setVariables(decision).correlateAllWithResult();
    if (told.isEmpty()) {
      LOG.info("No complaint {} waits for return {}'s form ({}): nothing to tell", complaint,
          number, status);
    }
  }
}
