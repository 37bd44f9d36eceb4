package com.careflow.onboarding;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * {@code POST /api/employees} (SPEC §3.1): HR registers a new hire, which starts onboarding.
 *
 * @param userId the login the person will use in Tasklist: lower-case letters and digits,
 *     starting with a letter; the account is opened when they go on duty
 * @param department the department's id ({@code careflow.identity.departments}), e.g.
 *     {@code customer-service}: its managers handle the person's file (SPEC §7.2)
 * @param grade the grade (职级) hired into; 1 when not given
 * @param payLevel the pay level (薪级) within the grade; 1 when not given
 * @param startDate the first working day
 * @param probationMonths 1 to 6; the model's default (3) when not given
 * @param mentor the mentor's Tasklist user; when not given, the customer-service managers
 *     assign one
 */
public record HireRequest(
    @NotBlank @Size(max = 200) String name,
    @NotNull @Pattern(regexp = "[a-z][a-z0-9]{2,31}",
        message = "must be 3 to 32 lower-case letters and digits, starting with a letter")
        String userId,
    @Email @Size(max = 200) String email,
    @NotBlank @Size(max = 100) String department,
    @NotBlank @Size(max = 100) String position,
    @Min(1) @Max(10) Integer grade,
    @Min(1) @Max(10) Integer payLevel,
    @NotNull LocalDate startDate,
    @Min(1) @Max(6) Integer probationMonths,
    @Size(max = 64) String mentor) {}
