package com.careflow.employee;

import com.careflow.employee.EmployeeHistory.CertificateKind;
import com.careflow.employee.EmployeeHistory.CourseLevel;
import com.careflow.employee.EmployeeHistory.DisciplinaryKind;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/** What HR enters into an employee's file (SPEC §4.2's inputs), one request body each. */
public final class HrEntries {

  private HrEntries() {}

  /** {@code PUT /api/employees/{id}/performance-scores/{month}}: the month's score, 0–100. */
  public record PerformanceScoreEntry(
      @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2)
          BigDecimal score) {}

  /** {@code POST /api/employees/{id}/disciplinary-actions}. */
  public record DisciplinaryActionEntry(
      @NotNull @PastOrPresent LocalDate actionOn,
      @NotNull DisciplinaryKind kind,
      @NotBlank @Size(max = 1000) String reason) {}

  /** {@code POST /api/employees/{id}/certificates}. */
  public record CertificateEntry(
      @NotNull CertificateKind kind,
      @NotNull @PastOrPresent LocalDate issuedOn,
      @Size(max = 100) String reference) {}

  /** {@code POST /api/employees/{id}/course-results}: a management course's score, 0–100. */
  public record CourseResultEntry(
      @NotNull CourseLevel level,
      @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2)
          BigDecimal score,
      @NotNull @PastOrPresent LocalDate completedOn) {}
}
