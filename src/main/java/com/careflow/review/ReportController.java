package com.careflow.review;

import com.careflow.complaint.ComplaintRegister.Entry;
import com.careflow.web.ApiProblemHandler.FieldProblem;
import com.careflow.web.InvalidRequestException;
import jakarta.validation.constraints.Pattern;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
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

/** SPEC §1.10: the month's complaint figures as JSON, and its closed cases as CSV. */
@RestController
@RequestMapping("/api/reports/complaints")
public class ReportController {

  /** The CSV's columns, one line per case closed in the month. */
  static final List<String> CSV_COLUMNS = List.of("number", "type", "channel", "category",
      "upheld", "responsible_department", "responsible_person", "remedy",
      "compensation_amount", "registered_at", "closed_at", "handling_working_days", "on_time",
      "rounds", "satisfaction_attitude", "satisfaction_skill", "satisfaction_timeliness",
      "satisfaction_promise", "penalty_points");

  private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

  private final ComplaintStatistics statistics;
  private final Clock clock = Clock.systemUTC();

  public ReportController(ComplaintStatistics statistics) {
    this.statistics = statistics;
  }

  @GetMapping("/monthly")
  @PreAuthorize(ReportAccess.MANAGERS)
  public MonthlyComplaintReport monthly(@RequestParam @Pattern(regexp = ReportAccess.MONTH,
      message = "must be a month, YYYY-MM") String month) {
    return statistics.report(begun(month));
  }

  /** One line per case closed in the month, for a spreadsheet (UTF-8 with a byte-order mark). */
  @GetMapping("/monthly.csv")
  @PreAuthorize(ReportAccess.MANAGERS)
  public ResponseEntity<String> monthlyCsv(@RequestParam @Pattern(regexp = ReportAccess.MONTH,
      message = "must be a month, YYYY-MM") String month) {
    YearMonth reported = begun(month);
    StringBuilder csv = new StringBuilder("\uFEFF").append(String.join(",", CSV_COLUMNS))
        .append("\r\n");
    for (Entry entry : statistics.closedIn(reported)) {
      csv.append(line(entry)).append("\r\n");
    }
    return ResponseEntity.ok().contentType(CSV)
        .header(HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"complaints-" + reported + ".csv\"")
        .body(csv.toString());
  }

  private String line(Entry entry) {
    boolean complaint = "COMPLAINT".equals(entry.complaintType());
    boolean upheld = complaint && Boolean.TRUE.equals(entry.complaintValid());
    return Stream.of(entry.number(), entry.complaintType(), entry.channel(), entry.category(),
            complaint ? Boolean.toString(upheld) : null,
            entry.outcome().responsibleDepartment(), entry.outcome().responsiblePerson(),
            entry.remedy(), entry.outcome().compensationAmount(), entry.registeredAt(),
            entry.closedAt(), statistics.handlingWorkingDays(entry), !entry.overdue(),
            entry.round(), entry.outcome().satisfactionAttitude(),
            entry.outcome().satisfactionSkill(), entry.outcome().satisfactionTimeliness(),
            entry.outcome().satisfactionPromise(), upheld ? 1 : 0)
        .map(value -> value == null ? "" : field(value.toString()))
        .collect(Collectors.joining(","));
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

  private YearMonth begun(String month) {
    YearMonth parsed = YearMonth.parse(Objects.requireNonNull(month));
    if (!statistics.hasBegun(parsed, clock.instant())) {
      throw new InvalidRequestException(List.of(new FieldProblem("month",
          "must not be in the future")));
    }
    return parsed;
  }
}
