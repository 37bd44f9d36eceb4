package com.careflow.review;

import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;

import com.careflow.calendar.CalendarProperties;
import com.careflow.calendar.WorkingDayCalendar;
import com.careflow.complaint.ComplaintRegister;
import com.careflow.complaint.ComplaintRegister.Entry;
import com.careflow.review.MonthlyComplaintReport.MonthRate;
import com.careflow.review.MonthlyComplaintReport.Penalty;
import com.careflow.review.MonthlyComplaintReport.Returns;
import com.careflow.returns.ReturnRegister;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import org.springframework.stereotype.Service;

/**
 * Computes the monthly complaint review's figures (SPEC §1.10) from the complaint and returns
 * registers: the cases closed in a month of the company's calendar.
 */
@Service
public class ComplaintStatistics {

  /** The satisfaction ratings of SPEC §1.8, best first. */
  static final List<String> RATINGS = List.of("VERY_SATISFIED", "SATISFIED", "AVERAGE", "POOR");

  /** Shown for a complaint whose responsible unit or person was not recorded. */
  static final String NOT_RECORDED = "(not recorded)";

  private final ComplaintRegister complaints;
  private final ReturnRegister returns;
  private final WorkingDayCalendar workingDays;
  private final MonthlyReviews reviews;
  private final ZoneId zone;

  public ComplaintStatistics(ComplaintRegister complaints, ReturnRegister returns,
      WorkingDayCalendar workingDays, MonthlyReviews reviews, CalendarProperties calendar) {
    this.complaints = complaints;
    this.returns = returns;
    this.workingDays = workingDays;
    this.reviews = reviews;
    this.zone = calendar.zone();
  }

  /** The month before the one {@code now} falls in, in the company's time zone. */
  public YearMonth previousMonth(Instant now) {
    return YearMonth.from(now.atZone(zone)).minusMonths(1);
  }

  /**
   * The month a reader most likely wants: the latest with closed cases, or this month when no
   * case has closed yet (in the company's time zone).
   */
  public YearMonth latestMonth(Instant now) {
    return YearMonth.from(complaints.latestClosing(now).orElse(now).atZone(zone));
  }

  /** Whether the month has begun, in the company's time zone. */
  public boolean hasBegun(YearMonth month, Instant now) {
    return !month.isAfter(YearMonth.from(now.atZone(zone)));
  }

  /** The cases closed in the month, oldest first. */
  public List<Entry> closedIn(YearMonth month) {
    return complaints.closedBetween(start(month), start(month.plusMonths(1)));
  }

  /** Working days from registration to closing of a closed case. */
  public int handlingWorkingDays(Entry entry) {
    return workingDays.workingDaysBetween(entry.registeredAt(), entry.closedAt());
  }

  public MonthlyComplaintReport report(YearMonth month) {
    // one read of the twelve months up to this one serves the trend and the month itself
    List<Entry> year = complaints.closedBetween(start(month.minusMonths(11)),
        start(month.plusMonths(1)));
    Instant monthStart = start(month);
    List<Entry> closed = year.stream()
        .filter(entry -> !entry.closedAt().isBefore(monthStart)).toList();
    List<Entry> handled = closed.stream().filter(ComplaintStatistics::isComplaint).toList();
    List<Entry> upheld = handled.stream()
        .filter(entry -> Boolean.TRUE.equals(entry.complaintValid())).toList();
    int overdue = (int) handled.stream().filter(Entry::overdue).count();
    List<ReturnRegister.Entry> closedReturns =
        returns.closedBetween(start(month), start(month.plusMonths(1)));
    return new MonthlyComplaintReport(month.toString(), closed.size(),
        count(closed, Entry::complaintType), handled.size(), upheld.size(),
        (int) handled.stream().filter(entry -> entry.round() > 1).count(),
        count(handled, Entry::category),
        count(upheld, entry -> orNotRecorded(entry.outcome().responsibleDepartment())),
        count(upheld.stream().filter(entry -> entry.outcome().responsiblePerson() != null)
            .toList(), entry -> entry.outcome().responsiblePerson()),
        count(handled, Entry::remedy), handled.size() - overdue, overdue,
        (int) closed.stream().filter(Entry::closedLate).count(),
        rate(handled.size() - overdue, handled.size()),
        handled.isEmpty() ? null : handled.stream().mapToInt(this::handlingWorkingDays)
            .average().orElseThrow(),
        satisfaction(handled),
        handled.stream().map(entry -> entry.outcome().compensationAmount())
            .filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add),
        new Returns(
            (int) closedReturns.stream().filter(r -> "SETTLED".equals(r.status())).count(),
            (int) closedReturns.stream().filter(r -> "REJECTED".equals(r.status())).count(),
            closedReturns.stream().map(r -> r.progress().bookedQuantity())
                .filter(Objects::nonNull).mapToLong(Integer::longValue).sum(),
            closedReturns.stream().map(r -> r.progress().settlementAmount())
                .filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add)),
        penalties(upheld), trend(month, year), reviews.find(month.toString()).orElse(null));
  }

  private Instant start(YearMonth month) {
    return month.atDay(1).atStartOfDay(zone).toInstant();
  }

  private static boolean isComplaint(Entry entry) {
    return "COMPLAINT".equals(entry.complaintType());
  }

  private static String orNotRecorded(String value) {
    return value == null ? NOT_RECORDED : value;
  }

  private static Double rate(long part, long whole) {
    return whole == 0 ? null : (double) part / whole;
  }

  /** How many entries have each value, most first; entries without one are left out. */
  private static Map<String, Long> count(List<Entry> entries, Function<Entry, String> key) {
    Map<String, Long> counted = entries.stream().map(key).filter(Objects::nonNull)
        .collect(groupingBy(Function.identity(), TreeMap::new, counting()));
    Map<String, Long> mostFirst = new LinkedHashMap<>();
    counted.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(entry -> mostFirst.put(entry.getKey(), entry.getValue()));
    return mostFirst;
  }

  /** SPEC §1.8's four dimensions of satisfaction, and where a case holds each rating. */
  static final Map<String, Function<Entry, String>> DIMENSIONS = dimensions();

  private static Map<String, Function<Entry, String>> dimensions() {
    Map<String, Function<Entry, String>> dimensions = new LinkedHashMap<>();
    dimensions.put("attitude", entry -> entry.outcome().satisfactionAttitude());
    dimensions.put("skill", entry -> entry.outcome().satisfactionSkill());
    dimensions.put("timeliness", entry -> entry.outcome().satisfactionTimeliness());
    dimensions.put("promise", entry -> entry.outcome().satisfactionPromise());
    return java.util.Collections.unmodifiableMap(dimensions);
  }

  /** Per dimension, how many of the cases got each rating. */
  static Map<String, Map<String, Long>> satisfaction(List<Entry> complaints) {
    Map<String, Map<String, Long>> byDimension = new LinkedHashMap<>();
    DIMENSIONS.forEach((dimension, rating) -> {
      Map<String, Long> counts = new LinkedHashMap<>();
      for (String level : RATINGS) {
        counts.put(level, complaints.stream().filter(entry -> level.equals(rating.apply(entry)))
            .count());
      }
      byDimension.put(dimension, counts);
    });
    return byDimension;
  }

  /** One point per upheld complaint against its responsible unit and person, most first. */
  private static List<Penalty> penalties(List<Entry> upheld) {
    Map<List<String>, Long> points = upheld.stream().collect(groupingBy(
        entry -> Arrays.asList(orNotRecorded(entry.outcome().responsibleDepartment()),
            entry.outcome().responsiblePerson()), LinkedHashMap::new, counting()));
    List<Penalty> penalties = new ArrayList<>();
    points.forEach((who, count) -> penalties.add(new Penalty(who.get(0), who.get(1), count)));
    penalties.sort(Comparator.comparingLong(Penalty::points).reversed()
        .thenComparing(Penalty::department));
    return penalties;
  }

  /** The on-time rate of the twelve months up to {@code month}, oldest first. */
  private List<MonthRate> trend(YearMonth month, List<Entry> closedInTheseMonths) {
    YearMonth first = month.minusMonths(11);
    Map<YearMonth, long[]> counts = new TreeMap<>();
    for (YearMonth m = first; !m.isAfter(month); m = m.plusMonths(1)) {
      counts.put(m, new long[2]);
    }
    for (Entry entry : closedInTheseMonths) {
      if (isComplaint(entry)) {
        long[] closedAndOnTime = counts.get(YearMonth.from(entry.closedAt().atZone(zone)));
        closedAndOnTime[0]++;
        closedAndOnTime[1] += entry.overdue() ? 0 : 1;
      }
    }
    List<MonthRate> trend = new ArrayList<>();
    counts.forEach((m, c) -> trend.add(new MonthRate(m.toString(), c[0], c[1], rate(c[1], c[0]))));
    return trend;
  }
}
