package com.careflow.review;

import com.careflow.calendar.CalendarProperties;
import com.careflow.locale.Labels;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
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
  private final ZoneId zone;
  private final Clock clock = Clock.systemUTC();

  public ReportPage(ComplaintStatistics statistics, ReportController reports, Labels labels,
      CalendarProperties calendar) {
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
    MonthlyComplaintReport report = reports.monthly(shown);
    YearMonth current = YearMonth.parse(shown);
    model.addAttribute("report", report);
    model.addAttribute("language", locale.getLanguage());
    model.addAttribute("zone", zone.getId());
    model.addAttribute("compiledAt", local(report.review() == null ? null
        : report.review().compiledAt(), "yyyy-MM-dd HH:mm"));
    model.addAttribute("publishedAt", local(report.review() == null ? null
        : report.review().publishedAt(), "yyyy-MM-dd"));
    model.addAttribute("byRemedy", labelled("remedy", report.byRemedy(), locale));
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
