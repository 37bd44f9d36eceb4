package com.careflow.complaint;

import com.careflow.numbering.CaseNumbers;
import com.careflow.numbering.CaseNumbers.CaseNumber;
import com.careflow.web.ApiProblemHandler.FieldProblem;
import com.careflow.web.InvalidRequestException;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.exception.NotValidException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registers a contact (SPEC §1.1–§1.3) and starts its {@code complaint-handling} case, in one
 * transaction (after opening the month's counter in one of its own): the number, the register
 * row and the process instance exist together or not at all. The agent who registers it owns
 * it until closed (首问负责制). Contacts come from the intake API ({@link #register}) or from
 * Tasklist's start form ({@link #registerStarted}); both are checked by the same rules.
 */
@Service
public class ComplaintIntake {

  static final String PROCESS_KEY = "complaint-handling";

  /** Complaint numbers are {@code CP-YYMM-NNNN} (SPEC §1.3). */
  static final String SERIES = "CP";

  /** What the intake answers: the case. */
  public record Registered(String number, String processInstanceId, Instant registeredAt) {}

  private final CaseNumbers numbers;
  private final ComplaintRegister register;
  private final RuntimeService runtime;
  private final Clock clock;
  private final TransactionTemplate transaction;
  private final Validator validator;

  public ComplaintIntake(CaseNumbers numbers, ComplaintRegister register,
      RuntimeService runtime, PlatformTransactionManager transactions, Validator validator) {
    this.numbers = numbers;
    this.register = register;
    this.runtime = runtime;
    this.clock = Clock.systemUTC();
    this.transaction = new TransactionTemplate(transactions);
    this.validator = validator;
  }

  /**
   * Registers the contact. A retried request is told apart by the API's
   * {@code Idempotency-Key} ({@code web.IdempotentPosts}), as for every POST that starts a case.
   */
  public Registered register(ComplaintRequest request, String agent) {
    InvalidRequestException.throwIfAny(problems(request));
    Instant now = clock.instant();
    String period = numbers.period(now);
    numbers.openMonth(SERIES, period);
    return transaction.execute(status -> {
      String number = record(request, agent, now, period);
      String processInstanceId = runtime.startProcessInstanceByKey(PROCESS_KEY, number,
          variables(number, request, agent, now)).getId();
      register.attachProcess(number, processInstanceId);
      return new Registered(number, processInstanceId, now);
    });
  }

  /**
   * Registers a contact started with the start form in Tasklist: its instance exists already
   * (this runs inside its transaction), so the register row is written for it. An invalid
   * contact throws {@link NotValidException}, whose message Tasklist shows; the start fails
   * and nothing is stored.
   */
  public Registered registerStarted(ComplaintRequest request, String agent,
      String processInstanceId) {
    List<FieldProblem> problems = problems(request);
    if (!problems.isEmpty()) {
      throw new NotValidException("The contact cannot be registered: " + problems.stream()
          .map(problem -> problem.field() + " " + problem.message())
          .collect(Collectors.joining("; ")));
    }
    Instant now = clock.instant();
    String period = numbers.period(now);
    numbers.openMonth(SERIES, period);
    String number = record(request, agent, now, period);
    register.attachProcess(number, processInstanceId);
    return new Registered(number, processInstanceId, now);
  }

  /**
   * What is wrong with a contact, field by field: its constraints and SPEC §1.2's rule (a
   * consultation answered or a complaint settled on the spot, never a suggestion).
   */
  private List<FieldProblem> problems(ComplaintRequest request) {
    List<FieldProblem> problems = FieldProblem.of(validator.validate(request));
    if (request.isResolvedOnFirstContact()
        && request.type() == ComplaintRequest.ComplaintType.SUGGESTION) {
      problems.add(new FieldProblem("resolvedOnFirstContact",
          "a suggestion is reviewed by its manager, not settled on the spot"));
    }
    if (request.defectiveQuantity() != null && request.quantity() != null
        && request.defectiveQuantity() > request.quantity()) {
      problems.add(new FieldProblem("defectiveQuantity", "must not exceed quantity"));
    }
    if (request.isQuantityUnknown() && request.defectiveQuantity() != null) {
      problems.add(new FieldProblem("defectiveQuantity",
          "must be left out while the quantity is not yet known (quantityUnknown)"));
    }
    problems.sort(Comparator.comparing(FieldProblem::field));
    return problems;
  }

  /** Takes the month's next number and writes the register row; in the caller's transaction. */
  private String record(ComplaintRequest request, String agent, Instant now, String period) {
    CaseNumber serial = numbers.next(SERIES, period);
    String number = serial.toString();
    register.insert(number, serial, request, now, agent);
    return number;
  }

  /** The case's variables; names per SPEC §6 and the forms' field keys. */
  static Map<String, Object> variables(String number, ComplaintRequest request,
      String agent, Instant now) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("complaintNumber", number);
    variables.put("complaintType", request.type().name());
    variables.put("channel", request.channel().name());
    variables.put("customerName", request.customer().name());
    variables.put("customerPhone", request.customer().phone());
    variables.put("customerEmail", request.customer().email());
    variables.put("customerAddress", request.customer().address());
    variables.put("customerRegion", request.customer().region().name());
    variables.put("subject", request.subject());
    variables.put("description", request.description());
    variables.put("orderNumber", request.orderNumber());
    variables.put("productBatch", request.productBatch());
    variables.put("shippedOn", request.shippedOn() == null ? null : request.shippedOn().toString());
    variables.put("claimedAmount",
        request.claimedAmount() == null ? null : request.claimedAmount().doubleValue());
    variables.put("resolvedOnFirstContact", request.isResolvedOnFirstContact());
    variables.put("quantity", request.quantity());
    variables.put("defectiveQuantity", request.defectiveQuantity());
    variables.put("quantityUnknown", request.isQuantityUnknown());
    variables.put("customerDemand",
        request.customerDemand() == null ? null : request.customerDemand().name());
    variables.put("sampleReceived", Boolean.TRUE.equals(request.sampleReceived()));
    variables.put("firstContactAgent", agent);
    variables.put("registeredAt", Date.from(now));
    variables.put("roundStartedAt", Date.from(now));
    variables.put("round", 1);
    return variables;
  }

}
