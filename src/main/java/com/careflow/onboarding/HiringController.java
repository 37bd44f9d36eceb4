package com.careflow.onboarding;

import com.careflow.employee.EmployeeController;
import com.careflow.onboarding.Hiring.Hired;
import com.careflow.web.IdempotentPosts;
import com.careflow.web.IdempotentPosts.Created;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** SPEC §3.1: HR registers a new hire, which starts onboarding. */
@RestController
public class HiringController {

  private final Hiring hiring;
  private final IdempotentPosts idempotent;

  public HiringController(Hiring hiring, IdempotentPosts idempotent) {
    this.hiring = hiring;
    this.idempotent = idempotent;
  }

  /**
   * 201 with the employee number and the onboarding instance, or the first answer again for a
   * repeated {@code Idempotency-Key}.
   */
  @PostMapping("/api/employees")
  @PreAuthorize(EmployeeController.HR)
  public ResponseEntity<JsonNode> hire(@RequestBody HireRequest request,
      @RequestHeader(name = "Idempotency-Key", required = false)
          @Size(min = 1, max = 200) String idempotencyKey,
      Authentication hr) {
    return idempotent.create("POST /api/employees", hr.getName(), idempotencyKey, request, () -> {
      Hired hired = hiring.hire(request, hr.getName());
      return new Created(URI.create("/api/employees/" + hired.employeeId()),
          Map.of("id", hired.employeeId(), "processInstanceId", hired.processInstanceId()));
    });
  }
}
