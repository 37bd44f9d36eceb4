package com.careflow.complaint;

import com.careflow.complaint.ComplaintIntake.Registered;
import com.careflow.complaint.ComplaintRegister.Entry;
import com.careflow.complaint.ComplaintRequest.ComplaintType;
import com.careflow.customer.Customer;
import com.careflow.customer.Customer.Region;
import com.careflow.customer.CustomerDataAccess;
import com.careflow.register.RegisterQuery;
import com.careflow.returns.ReturnRegister;
import com.careflow.web.IdempotentPosts;
import com.careflow.web.IdempotentPosts.Created;
import com.careflow.web.NotFound;
import com.careflow.web.OpenTasks;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** SPEC §6: the complaint intake and the register. */
@RestController
@RequestMapping("/api/complaints")
public class ComplaintController {

  /** The decisions and feedback a case's outcome is made of. */
  private static final Set<String> OUTCOME = Set.of("category", "remedy", "compensationAmount",
      "approved", "returnDecision", "returnNumber", "returnFormStatus", "customerAccepted", "satisfactionAttitude",
      "satisfactionSkill", "satisfactionTimeliness", "satisfactionPromise", "spotCheck",
      "consultationAnswer", "adopted");

  private final ComplaintIntake intake;
  private final ComplaintRegister register;
  private final OpenTasks openTasks;
  private final HistoryService history;
  private final IdempotentPosts idempotent;
  private final CustomerDataAccess customers;
  private final ReturnRegister returns;

  public ComplaintController(ComplaintIntake intake, ComplaintRegister register,
      OpenTasks openTasks, HistoryService history, IdempotentPosts idempotent,
      CustomerDataAccess customers, ReturnRegister returns) {
    this.customers = customers;
    this.returns = returns;
    this.intake = intake;
    this.register = register;
    this.openTasks = openTasks;
    this.history = history;
    this.idempotent = idempotent;
  }

  /** Registers a contact; 201 with its number, or the first answer for a repeated key. */
  @PostMapping
  @PreAuthorize("hasAnyAuthority('GROUP_cs-agents', 'GROUP_cs-managers')")
  public ResponseEntity<JsonNode> register(
      @RequestBody @Valid ComplaintRequest request,
      @RequestHeader(name = "Idempotency-Key", required = false)
          @Size(min = 1, max = 200) String idempotencyKey,
      Authentication agent) {
    return idempotent.create("POST /api/complaints", agent.getName(), idempotencyKey, request,
        () -> {
          Registered registered = intake.register(request, agent.getName());
          return new Created(URI.create("/api/complaints/" + registered.number()),
              Map.of("number", registered.number(),
                  "processInstanceId", registered.processInstanceId()));
        });
  }

  /** A complaint; its customer's name, phone and address for those who may read them. */
  @GetMapping("/{number}")
  public ComplaintView get(@PathVariable String number, Authentication user) {
    Entry entry = register.find(number).orElseThrow(() -> notFound(number));
    Map<String, Object> variables = new HashMap<>();
    if (entry.processInstanceId() != null) {
      for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
          .processInstanceId(entry.processInstanceId()).list()) {
        if (variable.getValue() != null) {
          variables.put(variable.getName(), variable.getValue());
        }
      }
    }
    Map<String, Object> outcome = new HashMap<>(variables);
    outcome.keySet().retainAll(OUTCOME);
    Date resolution = (Date) variables.get("resolutionDeadline");
    Date closing = (Date) variables.get("closingDeadline");
    return new ComplaintView(entry.number(), entry.complaintType(), entry.channel(),
        customers.shown(user, entry.processInstanceId(), new Customer(entry.customerName(),
            entry.customerPhone(), entry.customerEmail(), entry.customerAddress(),
            Region.valueOf(entry.customerRegion()))),
        entry.subject(), entry.description(), entry.orderNumber(), entry.productBatch(),
        entry.shippedOn(), entry.claimedAmount(), entry.registeredAt(), entry.registeredBy(),
        entry.processInstanceId(), entry.status(), entry.overdue(), entry.closedLate(),
        entry.important(),
        entry.round(), entry.category(), entry.complaintValid(), entry.closedAt(),
        entry.retainUntil(),
        new ComplaintView.Deadlines(resolution == null ? null : resolution.toInstant(),
            closing == null ? null : closing.toInstant()),
        openTasks.of(entry.processInstanceId()), outcome,
        returns.ofComplaint(entry.number()).stream().map(linked -> new ComplaintView.ReturnLink(
            linked.number(), linked.status(), linked.progress().handling(),
            linked.progress().decision())).toList(),
        entry.goods().quantity(), entry.goods().defectiveQuantity(),
        entry.goods().quantityUnknown(), entry.goods().customerDemand(),
        entry.goods().sampleReceived(), entry.secondComplaint());
  }

  /** The register, newest first, with filters and paging. */
  @GetMapping
  public RegisterQuery.Page<ComplaintSummary> list(Authentication user,
      @RequestParam(required = false) @Pattern(regexp = "OPEN|CLOSED") String status,
      @RequestParam(required = false) @Pattern(regexp =
          "PRODUCT_QUALITY|RETURN_REQUEST|SERVICE_CONDUCT|MISUNDERSTANDING|NON_QUALITY")
          String category,
      @RequestParam(required = false) ComplaintType type,
      @RequestParam(required = false) Boolean overdue,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
    return register.search(new ComplaintRegister.Filter(status, category,
        type == null ? null : type.name(), overdue, from, to), page, size)
        .map(entry -> ComplaintSummary.of(entry,
            customers.reads(user, entry.processInstanceId())));
  }

  private static ErrorResponseException notFound(String number) {
    return NotFound.because("No complaint numbered " + number);
  }
}
