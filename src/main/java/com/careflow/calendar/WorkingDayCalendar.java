package com.careflow.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * Adds working days to an instant: weekends and public holidays are skipped, make-up working
 * days count. The time of day is kept, in the company's time zone, so a case registered on
 * Friday at 19:30 with three working days is due on Wednesday at 19:30.
 *
 * <p>The bean is named {@code workingDays} so that a process owner writes deadlines in Camunda
 * Modeler as expressions, for a timer's date or a user task's due date:
 *
 * <pre>
 *   ${workingDays.add(now(), 3)}          three working days from now (engine clock)
 *   ${workingDays.add(registeredAt, 7)}   seven working days after a Date variable
 * </pre>
 */
@Component("workingDays")
public class WorkingDayCalendar {

  private final CalendarProperties calendar;

  public WorkingDayCalendar(CalendarProperties calendar) {
    this.calendar = calendar;
  }

  /** For BPMN expressions: {@code start} plus {@code days} working days. */
  public Date add(Date start, int days) {
    return Date.from(plusWorkingDays(start.toInstant(), days));
  }

  /**
   * For BPMN expressions: the end of the day a form's date field names (a date, or its text
   * {@code YYYY-MM-DD…}), in the company's zone: a promise "by the 25th" falls due when the
   * 25th ends, not when it begins.
   */
  public Date endOf(Object day) {
    java.time.LocalDate date = day instanceof Date given
        ? java.time.LocalDate.ofInstant(given.toInstant(), calendar.zone())
        : java.time.LocalDate.parse(day.toString().substring(0, 10));
    return Date.from(date.plusDays(1).atStartOfDay(calendar.zone()).toInstant());
  }

  /**
   * {@code start} plus {@code days} working days, at the same local time of day. (Named apart
   * from {@link #add} because expressions resolve methods by name and argument count.)
   */
  public Instant plusWorkingDays(Instant start, int days) {
    if (days < 0) {
      throw new IllegalArgumentException("working days to add must not be negative: " + days);
    }
    ZonedDateTime local = start.atZone(calendar.zone());
    LocalDate date = local.toLocalDate();
    for (int counted = 0; counted < days; ) {
      date = date.plusDays(1);
      if (isWorkingDay(date)) {
        counted++;
      }
    }
    return local.with(date).toInstant();
  }

  /**
   * How many working days a piece of work took: the working dates after {@code start}'s date up
   * to and including {@code end}'s date, in the company's time zone (0 when it ended the day it
   * started; a case taken on Friday and closed on Monday took 1).
   */
  public int workingDaysBetween(Instant start, Instant end) {
    LocalDate date = start.atZone(calendar.zone()).toLocalDate();
    LocalDate last = end.atZone(calendar.zone()).toLocalDate();
    int counted = 0;
    while (date.isBefore(last)) {
      date = date.plusDays(1);
      if (isWorkingDay(date)) {
        counted++;
      }
    }
    return counted;
  }

  /** Whether people work on this date: a make-up day, or a weekday that is no holiday. */
  public boolean isWorkingDay(LocalDate date) {
    if (calendar.makeUpWorkingDays().contains(date)) {
      return true;
    }
    return !calendar.holidays().contains(date)
        && !calendar.weekendDays().contains(date.getDayOfWeek());
  }
}
