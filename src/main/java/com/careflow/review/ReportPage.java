package com.careflow.review;

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
  private final Clock clock = Clock.systemUTC();

  public ReportPage(ComplaintStatistics statistics, ReportController reports) {
    this.statistics = statistics;
    this.reports = reports;
  }

  /** The month asked for, or last month. */
  @GetMapping("/reports/complaints/monthly")
  @PreAuthorize(ReportAccess.MANAGERS)
  public String monthly(@RequestParam(required = false) @Pattern(regexp = ReportAccess.MONTH,
      message = "must be a month, YYYY-MM") String month, Model model) {
    String shown = month != null ? month : statistics.previousMonth(clock.instant()).toString();
    MonthlyComplaintReport report = reports.monthly(shown);
    YearMonth current = YearMonth.parse(shown);
    model.addAttribute("report", report);
    model.addAttribute("previousMonth", current.minusMonths(1).toString());
    model.addAttribute("nextMonth", statistics.hasBegun(current.plusMonths(1), clock.instant())
        ? current.plusMonths(1).toString() : null);
    model.addAttribute("byCategoryChart", SvgCharts.bars(report.byCategory()));
    model.addAttribute("onTimeChart", SvgCharts.rates(report.onTimeTrend()));
    model.addAttribute("satisfactionChart", SvgCharts.stacked(report.satisfaction()));
    return "complaints-monthly";
  }
}
