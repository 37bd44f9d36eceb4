package com.careflow.review;

import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;

import com.careflow.calendar.CalendarProperties;
import com.careflow.calendar.WorkingDayCalendar;
import com.careflow.complaint.ComplaintRegister;
import com.careflow.complaint.ComplaintRegister.Entry;
import com.careflow.employee.EmployeeRecords;
import com.careflow.identity.OutsideParties;
import com.careflow.review.MonthlyComplaintReport.CaseResponsibility;
import com.careflow.review.MonthlyComplaintReport.MonthRate;
import com.careflow.review.MonthlyComplaintReport.Penalty;
import com.careflow.review.MonthlyComplaintReport.Returns;
import com.careflow.review.MonthlyComplaintReport.UnitTotals;
import com.careflow.review.ResponsibilityDecisions.Decision;
import com.careflow.returns.ReturnRegister;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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
  private final EmployeeRecords employees;
  private final PenaltyStandard standard;
  private final LossStandard losses;
  private final ResponsibilityDecisions decisions;
  private final OutsideParties outsideParties;
  private final ZoneId zone;

  public ComplaintStatistics(ComplaintRegister complaints, ReturnRegister returns,
      WorkingDayCalendar workingDays, MonthlyReviews reviews, EmployeeRecords employees,
      PenaltyStandard standard, LossStandard losses, ResponsibilityDecisions decisions,
      OutsideParties outsideParties, CalendarProperties calendar) {
    this.outsideParties = outsideParties;
    this.employees = employees;
    this.standard = standard;
    this.losses = losses;
    this.decisions = decisions;
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

  /** The figures of the cases closed in {@code month}, with the twelve months' on-time trend. */
  public MonthlyComplaintReport report(YearMonth month) {
    return figures(month.toString(), month, month, 12,
        reviews.find(month.toString()).orElse(null));
  }

  /**
   * The half-year summary (SPEC §1.10, 003 篇十一: 每年6月和12月的前10日匯總半年來的投訴處理情況):
   * the same figures for the cases closed in the six months up to {@code last}, with the six
   * months' on-time trend; its month is the period, {@code YYYY-MM/YYYY-MM}.
   */
  public MonthlyComplaintReport halfYear(YearMonth last) {
    YearMonth first = last.minusMonths(HALF_YEAR - 1);
    return figures(first + "/" + last, first, last, HALF_YEAR, null);
  }

  /** A half year: six months. */
  static final int HALF_YEAR = 6;

  private MonthlyComplaintReport figures(String period, YearMonth first, YearMonth month,
      int trendMonths, MonthlyComplaintReport.Review review) {
    // the period's cases are read; the trend's months are counted in the database
    Instant periodStart = start(first);
    List<Entry> closed = complaints.closedBetween(periodStart, start(month.plusMonths(1)));
    List<Entry> handled = closed.stream().filter(ComplaintStatistics::isComplaint).toList();
    Upheld decided = upheld(handled);
    List<Entry> upheld = decided.entries();
    List<CaseResponsibility> responsibilities = decided.responsibilities();
    Map<String, String> names = names(Stream.concat(responsiblePersons(closed),
        responsiblePersons(upheld)));
    int overdue = (int) handled.stream().filter(Entry::overdue).count();
    List<ReturnRegister.Entry> closedReturns =
        returns.closedBetween(periodStart, start(month.plusMonths(1)));
    return new MonthlyComplaintReport(period, closed.size(),
        count(closed, Entry::complaintType), handled.size(), upheld.size(),
        (int) handled.stream().filter(entry -> entry.round() > 1).count(),
        count(handled, Entry::category),
        count(upheld, entry -> orNotRecorded(entry.outcome().responsibleDepartment())),
        count(upheld.stream().filter(entry -> entry.outcome().responsiblePerson() != null)
            .toList(), entry -> person(entry.outcome().responsiblePerson(), names)),
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
        penalties(upheld, names, responsibilities), responsibilities,
        byUnit(responsibilities), trend(month, trendMonths), review, null);
  }

  /**
   * The responsible person as a reader knows them: the name on the employee record and the
   * employee number, {@code 赵磊 (EM-0000-0002)}; a name typed before persons were chosen from
   * the records, as typed.
   */
  public String person(String responsiblePerson) {
    return person(responsiblePerson, names(Stream.ofNullable(responsiblePerson)));
  }

  /**
   * {@link #person(String)} for the responsible persons of {@code entries}, whose records are
   * read at once (a month's CSV names thousands of cases).
   */
  public UnaryOperator<String> persons(List<Entry> entries) {
    Map<String, String> names = names(responsiblePersons(entries));
    return responsiblePerson -> person(responsiblePerson, names);
  }

  private static Stream<String> responsiblePersons(List<Entry> entries) {
    return entries.stream().map(entry -> entry.outcome().responsiblePerson());
  }

  /** The names on the employee records the persons' numbers name, read at once. */
  private Map<String, String> names(Stream<String> responsiblePersons) {
    return employees.names(responsiblePersons.filter(Objects::nonNull)
        .filter(person -> EMPLOYEE_NUMBER.matcher(person).matches()).toList());
  }

  /** {@link #person(String)} with the names of the records read at once ({@code names}). */
  private static String person(String responsiblePerson, Map<String, String> names) {
    return name(responsiblePerson, names).map(name -> name + " (" + responsiblePerson + ")")
        .orElse(responsiblePerson);
  }

  /** The name on the employee record the responsible person's number names, if it does. */
  private static Optional<String> name(String responsiblePerson, Map<String, String> names) {
    return Optional.ofNullable(responsiblePerson).map(names::get);
  }

  private static final Pattern EMPLOYEE_NUMBER =
      Pattern.compile("EM-\\d{4}-\\d{4}");

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
    return Collections.unmodifiableMap(dimensions);
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

  /**
   * One point per upheld complaint against its responsible person (by employee number; the
   * points of one person are one penalty, whatever the department), or against its unit when
   * no person was named, with the penalty standard's deduction and sanctions for each
   * complaint; most points first.
   */
  private List<Penalty> penalties(List<Entry> upheld, Map<String, String> names,
      List<CaseResponsibility> responsibilities) {
    Map<String, CaseResponsibility> byCase = responsibilities.stream()
        .collect(Collectors.toMap(CaseResponsibility::complaint, Function.identity()));
    Map<List<String>, List<Entry>> against = upheld.stream().collect(groupingBy(
        entry -> entry.outcome().responsiblePerson() != null
            ? Arrays.asList(null, entry.outcome().responsiblePerson())
            : Arrays.asList(orNotRecorded(entry.outcome().responsibleDepartment()), null),
        LinkedHashMap::new, Collectors.toList()));
    List<Penalty> penalties = new ArrayList<>();
    against.forEach((who, entries) -> {
      String department = who.get(0) != null ? who.get(0) : entries.stream()
          .map(entry -> orNotRecorded(entry.outcome().responsibleDepartment())).distinct()
          .collect(Collectors.joining(", "));
      BigDecimal deduction = BigDecimal.ZERO.setScale(2);
      List<String> sanctions = new ArrayList<>();
      for (Entry entry : entries) {
        CaseResponsibility consequence = byCase.get(entry.number());
        deduction = deduction.add(consequence.bonusDeduction());
        if (!"NONE".equals(consequence.sanction())) {
          sanctions.add(entry.number() + " " + consequence.sanction());
        }
      }
      penalties.add(new Penalty(department, who.get(1), name(who.get(1), names).orElse(null),
          entries.size(), entries.stream().map(Entry::number).toList(),
          deduction, sanctions));
    });
    penalties.sort(Comparator.comparingLong(Penalty::points).reversed()
        .thenComparing(Penalty::department));
    return penalties;
  }

  /**
   * The upheld complaints with the responsible unit and person the GM office decided (SPEC
   * §1.10), or as their records propose until it decides, and each one's decision.
   */
  private record Responsible(List<Entry> upheld, Map<String, Decision> decided,
      OutsideParties parties) {

    /**
     * PERSON, UNIT or EXTERNAL, as the penalty standard reads it: as decided, or as the case's
     * records propose (an outside party chosen on the remedy is EXTERNAL).
     */
    String kind(Entry entry) {
      Decision decision = decided.get(entry.number());
      String unit = entry.outcome().responsibleDepartment();
      return decision != null ? decision.responsibleKind()
          : entry.outcome().responsiblePerson() != null ? "PERSON"
          : unit != null && parties.byId(unit).isPresent() ? "EXTERNAL" : "UNIT";
    }

    int share(Entry entry) {
      Decision decision = decided.get(entry.number());
      return decision == null ? 100 : decision.share();
    }

    String decision(Entry entry) {
      Decision decision = decided.get(entry.number());
      return decision == null ? "PROPOSED" : decision.changed() ? "CHANGED" : "CONFIRMED";
    }
  }

  private Responsible responsible(List<Entry> upheld) {
    Map<String, Decision> decided = decisions.of(upheld.stream().map(Entry::number).toList());
    List<Entry> asDecided = upheld.stream().map(entry -> {
      Decision decision = decided.get(entry.number());
      return decision == null ? entry : entry.withResponsible(decision.unit(), decision.person());
    }).toList();
    return new Responsible(asDecided, decided, outsideParties);
  }

  /**
   * Each upheld complaint's responsibility, loss and consequences: the loss standard's amount
   * and the penalty standard's deduction, each in the responsible unit's or person's share.
   */
  /**
   * The upheld complaints among {@code closed} cases, each with the responsible unit and person
   * the GM office decided (or its records propose), and each one's responsibility, loss and
   * consequences (SPEC §1.10), e.g. for the CSV's lines.
   */
  public List<CaseResponsibility> responsibilities(List<Entry> closed) {
    return upheld(closed).responsibilities();
  }

  /** Upheld complaints as decided, and their responsibilities, in the same order. */
  private record Upheld(List<Entry> entries, List<CaseResponsibility> responsibilities) {}

  private Upheld upheld(List<Entry> closed) {
    Responsible responsible = responsible(closed.stream().filter(ComplaintStatistics::isComplaint)
        .filter(entry -> Boolean.TRUE.equals(entry.complaintValid())).toList());
    List<Entry> upheld = responsible.upheld();
    return new Upheld(upheld, responsibilities(upheld, responsible,
        standard.of(upheld, responsible::kind)));
  }

  private List<CaseResponsibility> responsibilities(List<Entry> upheld, Responsible responsible,
      Map<String, PenaltyStandard.Consequence> consequences) {
    Map<String, BigDecimal> loss = losses.of(upheld, goodsValues(upheld));
    List<CaseResponsibility> cases = new ArrayList<>();
    for (Entry entry : upheld) {
      Decision decision = responsible.decided().get(entry.number());
      int share = responsible.share(entry);
      PenaltyStandard.Consequence consequence = consequences.get(entry.number());
      cases.add(new CaseResponsibility(entry.number(), entry.category(),
          orNotRecorded(entry.outcome().responsibleDepartment()),
          "EXTERNAL".equals(responsible.kind(entry)), entry.outcome().responsiblePerson(), share,
          responsible.decision(entry), decision == null ? null : decision.reason(),
          inShare(loss.get(entry.number()), share),
          inShare(consequence.bonusDeduction(), share), consequence.sanction(),
          entry.secondComplaint(), Boolean.TRUE.equals(entry.outcome().improvementTracking())));
    }
    return cases;
  }

  private static BigDecimal inShare(BigDecimal amount, int share) {
    return amount.multiply(BigDecimal.valueOf(share))
        .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
  }

  /**
   * The value of the goods each complaint's returns took back, reprocessed or exchanged: per
   * return, the booked quantity (or, before booking, the approved one) at its unit price.
   */
  private Map<String, BigDecimal> goodsValues(List<Entry> upheld) {
    Map<String, BigDecimal> values = new java.util.HashMap<>();
    if (upheld.isEmpty()) {
      return values;
    }
    for (ReturnRegister.Entry goods : returns.ofComplaints(upheld.stream().map(Entry::number)
        .toList())) {
      Integer quantity = goods.progress().bookedQuantity() != null
          ? goods.progress().bookedQuantity() : goods.progress().approvedQuantity();
      BigDecimal price = goods.progress().unitPrice();
      if (quantity != null && price != null && !"REJECTED".equals(goods.status())) {
        values.merge(goods.claim().complaintNumber(),
            price.multiply(BigDecimal.valueOf(quantity)), BigDecimal::add);
      }
    }
    return values;
  }

  /** Per responsible unit, most loss first: what SPEC §1.10's review lists per department. */
  private static List<UnitTotals> byUnit(List<CaseResponsibility> cases) {
    Map<String, List<CaseResponsibility>> units = cases.stream()
        .collect(groupingBy(CaseResponsibility::unit, TreeMap::new, Collectors.toList()));
    List<UnitTotals> totals = new ArrayList<>();
    units.forEach((unit, ofUnit) -> totals.add(new UnitTotals(unit,
        ofUnit.get(0).outsideParty(), ofUnit.size(),
        ofUnit.stream().map(CaseResponsibility::lossAmount)
            .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add),
        ofUnit.stream().map(CaseResponsibility::bonusDeduction)
            .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add),
        ofUnit.stream().filter(c -> !"NONE".equals(c.sanction())).count(),
        ofUnit.stream().filter(CaseResponsibility::secondComplaint).count(),
        ofUnit.stream().filter(CaseResponsibility::improvementTracking).count())));
    totals.sort(Comparator.comparing(UnitTotals::lossAmount).reversed()
        .thenComparing(UnitTotals::unit));
    return totals;
  }

  /** The on-time rate of the {@code months} months up to {@code month}, oldest first. */
  private List<MonthRate> trend(YearMonth month, int months) {
    YearMonth first = month.minusMonths(months - 1);
    Map<YearMonth, long[]> counts = new TreeMap<>();
    for (YearMonth m = first; !m.isAfter(month); m = m.plusMonths(1)) {
      counts.put(m, complaints.closedComplaintsAndOnTime(start(m), start(m.plusMonths(1))));
    }
    List<MonthRate> trend = new ArrayList<>();
    counts.forEach((m, c) -> trend.add(new MonthRate(m.toString(), c[0], c[1], rate(c[1], c[0]))));
    return trend;
  }
}
