package com.careflow.returns;

import com.careflow.customer.CustomerDataAccess;
import com.careflow.register.RegisterQuery;
import com.careflow.returns.ReturnIntake.Registered;
import com.careflow.returns.ReturnRegister.Entry;
import com.careflow.returns.ReturnRequest.Handling;
import com.careflow.web.IdempotentPosts;
import com.careflow.web.IdempotentPosts.Created;
import com.careflow.web.NotFound;
import com.careflow.web.OpenTasks;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** SPEC §2: returns taken directly by sales, and the returns register. */
@RestController
@RequestMapping("/api/returns")
public class ReturnController {

  private final ReturnIntake intake;
  private final ReturnRegister register;
  private final OpenTasks openTasks;
  private final IdempotentPosts idempotent;
  private final CustomerDataAccess customers;

  public ReturnController(ReturnIntake intake, ReturnRegister register, OpenTasks openTasks,
      IdempotentPosts idempotent, CustomerDataAccess customers) {
    this.customers = customers;
    this.intake = intake;
    this.register = register;
    this.openTasks = openTasks;
    this.idempotent = idempotent;
  }

  /**
   * Starts a return; 201 with its number, or the first answer again for a repeated
   * {@code Idempotency-Key}. The request is checked by {@link ReturnIntake}.
   */
  @PostMapping
  @PreAuthorize("hasAnyAuthority('GROUP_sales', 'GROUP_sales-managers')")
  public ResponseEntity<JsonNode> request(@RequestBody ReturnRequest request,
      @RequestHeader(name = "Idempotency-Key", required = false)
          @Size(min = 1, max = 200) String idempotencyKey,
      Authentication salesperson) {
    return idempotent.create("POST /api/returns", salesperson.getName(), idempotencyKey,
        request, () -> {
          Registered registered = intake.request(request, salesperson.getName());
          return new Created(URI.create("/api/returns/" + registered.number()),
              Map.of("number", registered.number(),
                  "processInstanceId", registered.processInstanceId()));
        });
  }

  @GetMapping("/{number}")
  public ReturnView get(@PathVariable String number, Authentication user) {
    Entry entry = register.find(number)
        .orElseThrow(() -> NotFound.because("No return numbered " + number));
    return ReturnView.of(entry, openTasks.of(entry.processInstanceId()),
        customer -> customers.shown(user, entry.processInstanceId(), customer));
  }

  /** The register, newest first, with filters and paging. */
  @GetMapping
  public RegisterQuery.Page<ReturnView> list(Authentication user,
      @RequestParam(required = false) @Pattern(regexp = "OPEN|REJECTED|SETTLED") String status,
      @RequestParam(required = false)
          @Pattern(regexp = "UNCONDITIONAL_RETURN|RETURN|REJECT") String decision,
      @RequestParam(required = false) Handling handling,
      @RequestParam(required = false) @Pattern(regexp = "CP-\\d{4}-\\d{4,}") String complaint,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
    return register.search(new ReturnRegister.Filter(status, decision,
        handling == null ? null : handling.name(), complaint, from, to), page, size)
        .map(entry -> ReturnView.of(entry, null,
            customer -> customers.shown(user, entry.processInstanceId(), customer)));
  }
}
