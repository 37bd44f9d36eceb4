package com.careflow.employee;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An employee's record (SPEC §3, §4): position, grade and pay level, and the dates that
 * promotion counts from. {@code gradeSince} starts when probation is confirmed (SPEC §3.4) and
 * restarts with every promotion.
 *
 * @param id the employee number, {@code EM-YYMM-NNNN} by the month of hiring
 * @param userId the person's Camunda user (Tasklist login), created when they go on duty
 * @param probationEndsOn the day probation has run its length: the review opens that morning
 */
public record Employee(String id, String userId, String name, String email, String department,
    String position, int grade, int payLevel, Status status, LocalDate startDate,
    int probationMonths, LocalDate probationEndsOn, String mentor, LocalDate onDutySince,
    LocalDate regularSince, LocalDate gradeSince, LocalDate leftOn, String leavingReason,
    Instant hiredAt, String hiredBy, String processInstanceId) {

  /** SPEC §6: PROBATION until confirmed, then REGULAR; LEFT once employment ended. */
  public enum Status { PROBATION, REGULAR, LEFT }

  /** Probation may last 1 to 6 months in all, extensions included (SPEC §3.1). */
  public static final int MAX_PROBATION_MONTHS = 6;
}
