package com.careflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Fixture calendar: National Day 2026 (1–7 October off, Sunday 20 September and Saturday
 * 10 October worked) and the Spring Festival make-up Saturday of 14 February 2026.
 */
class WorkingDayCalendarTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  private final WorkingDayCalendar calendar = new WorkingDayCalendar(new CalendarProperties(
      SHANGHAI,
      Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
      Set.of(date("2026-10-01"), date("2026-10-02"), date("2026-10-03"), date("2026-10-04"),
          date("2026-10-05"), date("2026-10-06"), date("2026-10-07")),
      Set.of(date("2026-09-20"), date("2026-10-10"), date("2026-02-14"))));

  @Test
  void workingDaysTakenCountTheWorkingDatesAfterTheStartInTheCompanysZone() {
    // the same day: 0; Friday to Monday: 1; across National Day and the make-up Saturday: 3
    assertThat(between("2026-11-20T09:00:00+08:00", "2026-11-20T18:00:00+08:00")).isZero();
    assertThat(between("2026-11-20T19:30:00+08:00", "2026-11-23T08:00:00+08:00")).isEqualTo(1);
    assertThat(between("2026-09-30T10:00:00+08:00", "2026-10-10T10:00:00+08:00")).isEqualTo(3);
    // 23:30 UTC on the 19th is already Friday the 20th in Shanghai
    assertThat(between("2026-11-19T23:30:00Z", "2026-11-23T01:00:00Z")).isEqualTo(1);
  }

  private int between(String start, String end) {
    return calendar.workingDaysBetween(OffsetDateTime.parse(start).toInstant(),
        OffsetDateTime.parse(end).toInstant());
  }

  @Test
  void aHolidayWeekIsSkipped() {
    // Wednesday 30 September 10:00: the next working day is Thursday 8 October.
    assertThat(add("2026-09-30T10:00:00+08:00", 1)).isEqualTo(at("2026-10-08T10:00:00+08:00"));
    assertThat(add("2026-09-30T10:00:00+08:00", 2)).isEqualTo(at("2026-10-09T10:00:00+08:00"));
  }

  @Test
  void aMakeUpSaturdayCountsAsAWorkingDay() {
    // After the holiday: Thu 8, Fri 9, and Saturday 10 October, a make-up working day.
    assertThat(add("2026-09-30T10:00:00+08:00", 3)).isEqualTo(at("2026-10-10T10:00:00+08:00"));
    // Friday 13 February + 1 is the make-up Saturday 14 February, not Monday.
    assertThat(add("2026-02-13T09:00:00+08:00", 1)).isEqualTo(at("2026-02-14T09:00:00+08:00"));
    assertThat(calendar.isWorkingDay(date("2026-02-14"))).isTrue();
    assertThat(calendar.isWorkingDay(date("2026-02-21"))).isFalse();
  }

  @Test
  void aMakeUpSundayBeforeTheHolidayCounts() {
    // Friday 18 September + 1 is Sunday 20 September (worked), + 2 is Monday 21.
    assertThat(add("2026-09-18T16:00:00+08:00", 1)).isEqualTo(at("2026-09-20T16:00:00+08:00"));
    assertThat(add("2026-09-18T16:00:00+08:00", 2)).isEqualTo(at("2026-09-21T16:00:00+08:00"));
  }

  @Test
  void aDeadlineStartingOnAFridayEveningSkipsTheWeekendAndKeepsTheTime() {
    // Friday 20 November 2026, 19:30: 1 working day is Monday 19:30, 3 is Wednesday 19:30.
    assertThat(add("2026-11-20T19:30:00+08:00", 1)).isEqualTo(at("2026-11-23T19:30:00+08:00"));
    assertThat(add("2026-11-20T19:30:00+08:00", 3)).isEqualTo(at("2026-11-25T19:30:00+08:00"));
    // 7 working days (a special case): Mon 23 … Tue 1 December.
    assertThat(add("2026-11-20T19:30:00+08:00", 7)).isEqualTo(at("2026-12-01T19:30:00+08:00"));
  }

  @Test
  void theDayIsTheCompanysLocalDayNotUtc() {
    // Friday 23:30 in Shanghai is still Friday 15:30 UTC; either way the start day is Friday.
    assertThat(add("2026-11-20T15:30:00Z", 1)).isEqualTo(at("2026-11-23T23:30:00+08:00"));
    // Saturday 01:00 in Shanghai is Friday 17:00 UTC: the start day is Saturday, + 1 is Monday.
    assertThat(add("2026-11-20T17:00:00Z", 1)).isEqualTo(at("2026-11-23T01:00:00+08:00"));
  }

  @Test
  void aStartOnAWeekendOrHolidayCountsFromTheNextWorkingDay() {
    assertThat(add("2026-11-21T10:00:00+08:00", 1)).isEqualTo(at("2026-11-23T10:00:00+08:00"));
    assertThat(add("2026-10-03T10:00:00+08:00", 1)).isEqualTo(at("2026-10-08T10:00:00+08:00"));
  }

  @Test
  void zeroWorkingDaysIsTheStartItself() {
    assertThat(add("2026-11-21T10:00:00+08:00", 0)).isEqualTo(at("2026-11-21T10:00:00+08:00"));
  }

  @Test
  void negativeWorkingDaysAreRefused() {
    assertThatThrownBy(() -> calendar.plusWorkingDays(at("2026-11-20T10:00:00+08:00"), -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-1");
  }

  @Test
  void theExpressionFormTakesAndGivesDates() {
    Date friday = Date.from(at("2026-11-20T19:30:00+08:00"));
    assertThat(calendar.add(friday, 3)).isEqualTo(Date.from(at("2026-11-25T19:30:00+08:00")));
  }

  @Test
  void aConfigurationWithADateBothOffAndWorkedIsInvalid() {
    CalendarProperties contradictory = new CalendarProperties(SHANGHAI,
        Set.of(DayOfWeek.SUNDAY), Set.of(date("2026-10-10")), Set.of(date("2026-10-10")));
    assertThat(contradictory.isHolidaysDisjointFromMakeUpDays()).isFalse();
    CalendarProperties neverWorking = new CalendarProperties(SHANGHAI,
        Set.of(DayOfWeek.values()), Set.of(), Set.of());
    assertThat(neverWorking.isSomeWeekdayWorked()).isFalse();
  }

  private Instant add(String start, int days) {
    return calendar.plusWorkingDays(at(start), days);
  }

  private static Instant at(String isoDateTime) {
    return OffsetDateTime.parse(isoDateTime).toInstant();
  }

  private static LocalDate date(String isoDate) {
    return LocalDate.parse(isoDate);
  }
}
