package com.careflow.calendar;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The company's working-day calendar, from {@code careflow.calendar.*} in {@code application.yml}.
 *
 * @param zone the time zone in which dates are working days or not
 * @param weekendDays the days of the week that are not worked, unless listed as make-up days
 * @param holidays public holidays: not worked, even on a weekday
 * @param makeUpWorkingDays make-up working days (调休上班): worked, even on a weekend
 */
@Validated
@ConfigurationProperties("careflow.calendar")
public record CalendarProperties(
    @NotNull @DefaultValue("Asia/Shanghai") ZoneId zone,
    @NotNull @DefaultValue({"SATURDAY", "SUNDAY"}) Set<DayOfWeek> weekendDays,
    @NotNull @DefaultValue({}) Set<LocalDate> holidays,
    @NotNull @DefaultValue({}) Set<LocalDate> makeUpWorkingDays) {

  @AssertTrue(message = "a date cannot be both a holiday and a make-up working day")
  public boolean isHolidaysDisjointFromMakeUpDays() {
    Set<LocalDate> both = new HashSet<>(holidays);
    both.retainAll(makeUpWorkingDays);
    return both.isEmpty();
  }

  @AssertTrue(message = "at least one day of the week must be a working day")
  public boolean isSomeWeekdayWorked() {
    return weekendDays.size() < DayOfWeek.values().length;
  }
}
