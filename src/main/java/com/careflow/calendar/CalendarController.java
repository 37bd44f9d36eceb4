package com.careflow.calendar;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/calendar/deadline?from=2026-09-30T10:00:00+08:00&workingDays=3}: the deadline
 * the configured working-day calendar gives, as the models' {@code workingDays.add(...)} does.
 */
@RestController
@RequestMapping("/api/calendar")
public class CalendarController {

  /** The answer: {@code deadline} is in the calendar's time zone. */
  public record Deadline(OffsetDateTime from, int workingDays, OffsetDateTime deadline,
      ZoneId zone) {}

  private final WorkingDayCalendar calendar;
  private final CalendarProperties properties;

  public CalendarController(WorkingDayCalendar calendar, CalendarProperties properties) {
    this.calendar = calendar;
    this.properties = properties;
  }

  @GetMapping("/deadline")
  public Deadline deadline(
      @RequestParam("from") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
      @RequestParam("workingDays") @Min(0) @Max(366) int workingDays) {
    OffsetDateTime deadline = calendar.plusWorkingDays(from.toInstant(), workingDays)
        .atZone(properties.zone()).toOffsetDateTime();
    return new Deadline(from, workingDays, deadline, properties.zone());
  }
}
