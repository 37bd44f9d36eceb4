package com.careflow.onboarding;

import com.careflow.employee.EmployeeController;
import com.careflow.onboarding.Hiring.Hired;
import java.net.URI;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** SPEC §3.1: HR registers a new hire, which starts onboarding. */
@RestController
public class HiringController {

  private final Hiring hiring;

  public HiringController(Hiring hiring) {
    this.hiring = hiring;
  }

  /** 201 with the employee number and the onboarding instance. */
  @PostMapping("/api/employees")
  @PreAuthorize(EmployeeController.HR)
  public ResponseEntity<Map<String, String>> hire(@RequestBody HireRequest request,
      Authentication hr) {
    Hired hired = hiring.hire(request, hr.getName());
    return ResponseEntity.created(URI.create("/api/employees/" + hired.employeeId()))
        .body(Map.of("id", hired.employeeId(), "processInstanceId", hired.processInstanceId()));
  }
}
