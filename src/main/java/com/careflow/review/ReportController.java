package com.careflow.review;

import com.careflow.employee.StaffChoices;
import com.careflow.review.MonthlyComplaintReport.CaseResponsibility;
import java.util.Map;
import java.util.function.Function;
import com.careflow.calendar.CalendarProperties;
import com.careflow.locale.Labels;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import com.careflow.complaint.ComplaintRegister.Entry;
import com.careflow.web.ApiProblemHandler.FieldProblem;
import com.careflow.web.InvalidRequestException;
import jakarta.validation.constraints.Pattern;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * SPEC §1.10: the month's complaint figures as JSON, its closed cases as CSV, and the
 * half-year summary of the six months up to a month (003 篇十一) as JSON.
 */
@RestController
@RequestMapping("/api/reports/complaints")
public class ReportController {

  /** The CSV's columns (their names in the reader's language: {@code csv.<column>}). */
  static final List<String> CSV_COLUMNS = List.of("number", "type", "channel", "category",
      "upheld", "responsible_department", "responsible_person", "remedy",
      "compensation_amount", "registered_at", "closed_at", "handling_working_days", "on_time",
      "closed_within_limit",
      "rounds", "satisfaction_attitude", "satisfaction_skill", "satisfaction_timeliness",
      "satisfaction_promise", "penalty_points", "responsibility_decision", "responsibility_share",
      "loss_amount", "bonus_deduction", "sanction", "second_complaint", "improvement_tracking");

  private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

  private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern(
      "yyyy-MM-dd HH:mm");

  private final ComplaintStatistics statistics;
  private final Labels labels;
  private final StaffChoices choices;
  private final ZoneId zone;
  private final Clock clock = Clock.systemUTC();

  public ReportController(ComplaintStatistics statistics, Labels labels,
      StaffChoices choices, CalendarProperties calendar) {
    this.statistics = statistics;
    this.choices = choices;
    this.labels = labels;
    this.zone = calendar.zone();
  }

  /** The month's figures; without {@code month}, the latest month with closed cases. */
  @GetMapping("/monthly")
  @PreAuthorize(ReportAccess.MANAGERS)
  public MonthlyComplaintReport monthly(@RequestParam(required = false)
      @Pattern(regexp = ReportAccess.MONTH, message = "must be a month, YYYY-MM") String month) {
    return statistics.report(begun(month, "month"));
  }

  /**
   * The half-year summary (003 篇十一): the figures of the cases closed in the six months up to
   * {@code until} (e.g. {@code 2026-05}: December to May, which the June review holds); without
   * {@code until}, up to the latest month with closed cases.
   */
  @GetMapping("/half-year")
  @PreAuthorize(ReportAccess.MANAGERS)
  public MonthlyComplaintReport halfYear(@RequestParam(required = false)
      @Pattern(regexp = ReportAccess.MONTH, message = "must be a month, YYYY-MM") String until) {
    return statistics.halfYear(begun(until, "until"));
  }

  /**
   * One line per case closed in the month, for a spreadsheet (UTF-8 with a byte-order mark), in
   * the reader's language: column names and values are labels, not codes, and times are the
   * company's local time ({@code yyyy-MM-dd HH:mm}, the zone named in the file name).
   */
  @GetMapping("/monthly.csv")
  @PreAuthorize(ReportAccess.MANAGERS)
  public ResponseEntity<String> monthlyCsv(@RequestParam(required = false)
      @Pattern(regexp = ReportAccess.MONTH, message = "must be a month, YYYY-MM") String month,
      Locale locale) {
    YearMonth reported = begun(month, "month");
    StringBuilder csv = new StringBuilder("\uFEFF").append(CSV_COLUMNS.stream()
            .map(column -> field(labels.text("csv." + column, locale)))
            .collect(Collectors.joining(",")))
        .append("\r\n");
    List<Entry> closed = statistics.closedIn(reported);
    Map<String, CaseResponsibility> responsibilities = statistics.responsibilities(closed)
        .stream()
        .collect(Collectors.toMap(CaseResponsibility::complaint, Function.identity()));
    UnaryOperator<String> persons = statistics.persons(closed);
    for (Entry entry : closed) {
      csv.append(line(entry, responsibilities.get(entry.number()), persons, locale))
          .append("\r\n");
    }
    return ResponseEntity.ok().contentType(CSV)
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"complaints-" + reported
            + "-" + zone.getId().replace('/', '_') + ".csv\"")
        .body(csv.toString());
  }

  /**
   * A closed case's line; an upheld complaint's responsible unit and person are those the GM
   * office decided (SPEC §1.10), with the share, the loss charged, the bonus deduction, the
   * sanction, and whether it was a second complaint or put an improvement under tracking.
   */
  private String line(Entry entry, CaseResponsibility decided, UnaryOperator<String> persons,
      Locale locale) {
    boolean complaint = "COMPLAINT".equals(entry.complaintType());
    boolean upheld = complaint && Boolean.TRUE.equals(entry.complaintValid());
    return Stream.of(entry.number(), labels.of("complaintType", entry.complaintType(), locale),
            labels.of("channel", entry.channel(), locale),
            labels.of("category", entry.category(), locale),
            complaint ? labels.of("boolean", upheld, locale) : null,
            decided != null ? choices.unit(decided.unit(), locale)
                : labels.of("department", entry.outcome().responsibleDepartment(), locale),
            decided == null || Objects.equals(decided.person(),
                entry.outcome().responsiblePerson())
                ? persons.apply(entry.outcome().responsiblePerson())
                : decided.person() == null ? null : statistics.person(decided.person()),
            labels.of("remedy", entry.remedy(), locale), entry.outcome().compensationAmount(),
            local(entry.registeredAt()), local(entry.closedAt()),
            statistics.handlingWorkingDays(entry), labels.of("boolean", !entry.overdue(), locale),
            labels.of("boolean", !entry.closedLate(), locale),
            entry.round(), labels.of("rating", entry.outcome().satisfactionAttitude(), locale),
            labels.of("rating", entry.outcome().satisfactionSkill(), locale),
            labels.of("rating", entry.outcome().satisfactionTimeliness(), locale),
            labels.of("rating", entry.outcome().satisfactionPromise(), locale), upheld ? 1 : 0,
            decided == null ? null : labels.of("decision", decided.decision(), locale)
                + (decided.reason() == null ? "" : ": " + decided.reason()),
            decided == null ? null : decided.share(),
            decided == null ? null : decided.lossAmount().toPlainString(),
            decided == null ? null : decided.bonusDeduction().toPlainString(),
            decided == null ? null : labels.of("disciplinaryKind", decided.sanction(), locale),
            decided == null ? null : labels.of("boolean", decided.secondComplaint(), locale),
            decided == null ? null : labels.of("boolean", decided.improvementTracking(), locale))
        .map(value -> value == null ? "" : field(value.toString()))
        .collect(Collectors.joining(","));
  }

  private String local(Instant instant) {
    return instant == null ? null : LOCAL_TIME.withZone(zone).format(instant);
  }

  /**
   * A CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180). Text that a
   * spreadsheet would run as a formula ({@code =HYPERLINK(...)}, {@code +}, {@code -}, {@code @},
   * a tab or carriage return first) is written with a leading apostrophe, as text.
   */
  static String field(String raw) {
    String value = raw.isEmpty() || "=+-@\t\r".indexOf(raw.charAt(0)) < 0 ? raw : "'" + raw;
    if (value.contains(",") || value.contains("\"") || value.contains("\n")
        || value.contains("\r")) {
      return "\"" + value.replace("\"", "\"\"") + "\"";
    }
    return value;
  }

  private YearMonth begun(String month, String field) {
    if (month == null) {
      return statistics.latestMonth(clock.instant());
    }
    YearMonth parsed = YearMonth.parse(month);
    if (!statistics.hasBegun(parsed, clock.instant())) {
      throw new InvalidRequestException(List.of(new FieldProblem(field,
          "must not be in the future")));
    }
    return parsed;
  }
}
