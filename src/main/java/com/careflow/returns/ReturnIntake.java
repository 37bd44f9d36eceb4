package com.careflow.returns;

import com.careflow.web.ApiProblemHandler.FieldProblem;
import com.careflow.web.InvalidRequestException;
import jakarta.validation.Validator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.springframework.stereotype.Service;

/**
 * Starts a {@code product-return} that sales takes directly from a customer (SPEC §2.1). The
 * request is checked field by field first; an invalid one starts nothing. The start registers
 * and numbers the return in the same transaction ({@code RegisterReturn}).
 */
@Service
public class ReturnIntake {

  static final String PROCESS_KEY = "product-return";

  /** The return as registered. */
  public record Registered(String number, String processInstanceId) {}

  private final RuntimeService runtime;
  private final Validator validator;

  public ReturnIntake(RuntimeService runtime, Validator validator) {
    this.runtime = runtime;
    this.validator = validator;
  }

  public Registered request(ReturnRequest request, String salesperson) {
    InvalidRequestException.throwIfAny(problems(request));
    ProcessInstanceWithVariables started = runtime.createProcessInstanceByKey(PROCESS_KEY)
        .setVariables(variables(request, salesperson))
        .executeWithVariablesInReturn();
    return new Registered((String) started.getVariables().get("returnNumber"), started.getId());
  }

  /** What is wrong with a request, field by field: its constraints and the dates' order. */
  private List<FieldProblem> problems(ReturnRequest request) {
    List<FieldProblem> problems = FieldProblem.of(validator.validate(request));
    if (request.shippedOn() != null && request.claimedOn() != null
        && request.claimedOn().isBefore(request.shippedOn())) {
      problems.add(new FieldProblem("claimedOn", "must not be before shippedOn"));
    }
    return problems;
  }

  /** The return's variables; names per SPEC §6 and the forms' field keys. */
  private Map<String, Object> variables(ReturnRequest request, String salesperson) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("customerName", request.customer().name());
    variables.put("customerPhone", request.customer().phone());
    variables.put("customerEmail", request.customer().email());
    variables.put("customerAddress", request.customer().address());
    variables.put("customerRegion", request.customer().region().name());
    variables.put("orderNumber", request.orderNumber());
    variables.put("productBatch", request.productBatch());
    variables.put("shippedOn", request.shippedOn().toString());
    // without one, RegisterReturn claims it today, on the engine's clock, in the company zone
    variables.put("claimedOn", request.claimedOn() == null ? null : request.claimedOn().toString());
    variables.put("description", request.description());
    variables.put("claimedQuantity", request.claimedQuantity());
    variables.put("handling", request.handling() == null ? null : request.handling().name());
    variables.put("overAcceptanceRatio", request.overAcceptanceRatio() == null
        ? null : request.overAcceptanceRatio().doubleValue());
    variables.put("requestedBy", salesperson);
    return variables;
  }
}
