package com.careflow.review;

import com.careflow.calendar.CalendarProperties;
import com.careflow.employee.StaffChoices;
import com.careflow.locale.Labels;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import jakarta.validation.constraints.Pattern;
import java.time.Clock;
import java.time.YearMonth;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The monthly complaint report page (SPEC §1.10) for managers: the month's figures and charts
 * (complaints by category, the on-time rate of the last twelve months, satisfaction), drawn on
 * the server, behind the same users and passwords as Tasklist.
 */
@Controller
public class ReportPage {

  private final ComplaintStatistics statistics;
  private final ReportController reports;
  private final Labels labels;
  private final StaffChoices choices;
  private final ZoneId zone;
  private final Clock clock = Clock.systemUTC();

  public ReportPage(ComplaintStatistics statistics, ReportController reports, Labels labels,
      StaffChoices choices, CalendarProperties calendar) {
    this.choices = choices;
    this.statistics = statistics;
    this.reports = reports;
    this.labels = labels;
    this.zone = calendar.zone();
  }

  /**
   * The month asked for, or the latest with closed cases (this month when there is none), in
   * the reader's language (Chinese or English, else the company's) and the company's zone.
   */
  @GetMapping("/reports/complaints/monthly")
  @PreAuthorize(ReportAccess.MANAGERS)
  public String monthly(@RequestParam(required = false) @Pattern(regexp = ReportAccess.MONTH,
      message = "must be a month, YYYY-MM") String month, Locale locale, Model model) {
    String shown = month != null ? month : statistics.latestMonth(clock.instant()).toString();
    model.addAttribute("halfYear", false);
    return page(reports.monthly(shown), YearMonth.parse(shown), locale, model);
  }

  /**
   * The half-year summary (SPEC §1.10, 003 篇十一) of the six months up to {@code until} (the
   * latest month with closed cases without it), on the same page: figures and charts, the
   * on-time trend of the six months.
   */
  @GetMapping("/reports/complaints/half-year")
  @PreAuthorize(ReportAccess.MANAGERS)
  public String halfYear(@RequestParam(required = false) @Pattern(regexp = ReportAccess.MONTH,
      message = "must be a month, YYYY-MM") String until, Locale locale, Model model) {
    String shown = until != null ? until : statistics.latestMonth(clock.instant()).toString();
    model.addAttribute("halfYear", true);
    return page(reports.halfYear(shown), YearMonth.parse(shown), locale, model);
  }

  private String page(MonthlyComplaintReport report, YearMonth current, Locale locale,
      Model model) {
    model.addAttribute("report", report);
    model.addAttribute("shownMonth", current.toString());
    model.addAttribute("language", locale.getLanguage());
    model.addAttribute("zone", zone.getId());
    model.addAttribute("compiledAt", local(report.review() == null ? null
        : report.review().compiledAt(), "yyyy-MM-dd HH:mm"));
    model.addAttribute("publishedAt", local(report.review() == null ? null
        : report.review().publishedAt(), "yyyy-MM-dd"));
    model.addAttribute("byRemedy", labelled("remedy", report.byRemedy(), locale));
    model.addAttribute("byDepartment", labelled("department", report.byResponsibleDepartment(),
        locale));
    model.addAttribute("penalties", report.penalties().stream().map(penalty -> new PenaltyRow(
        penalty.department() == null ? null : Arrays.stream(
                penalty.department().split(", "))
            .map(department -> labels.of("department", department, locale))
            .collect(Collectors.joining(", ")),
        penalty.person() == null ? null : statistics.person(penalty.person()), penalty.points(),
        penalty.bonusDeduction() == null ? "" : penalty.bonusDeduction().toPlainString(),
        penalty.sanctions() == null ? "" : penalty.sanctions().stream()
            .map(sanction -> sanctionLabel(sanction, locale)).collect(Collectors.joining(", ")),
        penalty.complaints() == null ? "" : String.join(", ", penalty.complaints())))
        .toList());
    model.addAttribute("units", report.byUnit() == null ? List.of() : report.byUnit().stream()
        .map(unit -> new UnitRow(choices.unit(unit.unit(), locale), unit.complaints(),
            unit.lossAmount().toPlainString(), unit.bonusDeductions().toPlainString(),
            unit.sanctions(), unit.secondComplaints(), unit.improvementTrackings())).toList());
    model.addAttribute("responsibilities", report.responsibilities() == null ? List.of()
        : report.responsibilities().stream().map(row -> new ResponsibilityRow(row.complaint(),
            choices.unit(row.unit(), locale), row.person() == null ? null
                : statistics.person(row.person()), row.share(),
            labels.of("decision", row.decision(), locale)
                + (row.reason() == null ? "" : ": " + row.reason()),
            row.lossAmount().toPlainString(), row.bonusDeduction().toPlainString())).toList());
    model.addAttribute("previousMonth", current.minusMonths(1).toString());
    model.addAttribute("nextMonth", statistics.hasBegun(current.plusMonths(1), clock.instant())
        ? current.plusMonths(1).toString() : null);
    String none = labels.text("report.none", locale);
    model.addAttribute("byCategoryChart",
        SvgCharts.bars(labelled("category", report.byCategory(), locale), none));
    model.addAttribute("onTimeChart", SvgCharts.rates(report.onTimeTrend()));
    Map<String, Map<String, Long>> satisfaction = new LinkedHashMap<>();
    report.satisfaction().forEach((dimension, ratings) -> satisfaction.put(
        labels.of("dimension", dimension, locale), ratings));
    model.addAttribute("satisfactionChart", SvgCharts.stacked(satisfaction,
        ComplaintStatistics.RATINGS.stream().map(rating -> labels.of("rating", rating, locale))
            .toList()));
    return "complaints-monthly";
  }

  /** A responsible unit's line (SPEC §1.10), as a reader reads it. */
  public record UnitRow(String unit, long complaints, String lossAmount, String bonusDeductions,
      long sanctions, long secondComplaints, long improvementTrackings) {}

  /** An upheld complaint's responsibility as the GM office decided it, as a reader reads it. */
  public record ResponsibilityRow(String complaint, String unit, String person, int share,
      String decision, String lossAmount, String bonusDeduction) {}

  /** A line of the penalty table, as a reader reads it. */
  public record PenaltyRow(String department, String person, long points, String bonusDeduction,
      String sanctions, String complaints) {}

  /** {@code CP-2610-0003 WARNING} as the reader reads it: {@code CP-2610-0003 警告}. */
  private String sanctionLabel(String sanction, Locale locale) {
    int space = sanction.lastIndexOf(' ');
    return space < 0 ? sanction : sanction.substring(0, space + 1)
        + labels.of("disciplinaryKind", sanction.substring(space + 1), locale);
  }

  /** The counts with each code's label for a key, in the same order. */
  private Map<String, Long> labelled(String set, Map<String, Long> counts, Locale locale) {
    Map<String, Long> shown = new LinkedHashMap<>();
    counts.forEach((code, count) -> shown.merge(labels.of(set, code, locale), count, Long::sum));
    return shown;
  }

  private String local(Instant instant, String pattern) {
    return instant == null ? null
        : DateTimeFormatter.ofPattern(pattern).withZone(zone).format(instant);
  }
}
