package com.careflow.review;

import com.careflow.calendar.CalendarProperties;
import com.careflow.review.MonthlyComplaintReport.Penalty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Compiles last month's complaint figures for the GM office (SPEC §1.10) and stores them, and
 * sets the review's deadline: the end of the day given by the task's input parameter
 * {@code reviewDueDay} (the 10th) of the month the review happens in. The month is the one
 * before the engine's clock, in the company's time zone, unless {@code reportMonth} is set.
 */
@Component("compileMonthlyReport")
public class CompileMonthlyReport implements JavaDelegate {

  private final ComplaintStatistics statistics;
  private final MonthlyReviews reviews;
  private final ObjectMapper json;
  private final ZoneId zone;

  public CompileMonthlyReport(ComplaintStatistics statistics, MonthlyReviews reviews,
      ObjectMapper json, CalendarProperties calendar) {
    this.statistics = statistics;
    this.reviews = reviews;
    this.json = json;
    this.zone = calendar.zone();
  }

  @Override
  public void execute(DelegateExecution execution) throws JsonProcessingException {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    Object requested = execution.getVariable("reportMonth");
    YearMonth month = requested == null ? statistics.previousMonth(now)
        : YearMonth.parse(requested.toString());
    MonthlyComplaintReport report = statistics.report(month);
    reviews.compiled(month.toString(), execution.getProcessInstanceId(),
        json.writeValueAsString(report), now);
    int dueDay = ((Number) execution.getVariableLocal("reviewDueDay")).intValue();
    Instant due = month.plusMonths(1).atDay(dueDay).plusDays(1).atStartOfDay(zone).toInstant();
    execution.getProcessInstance().setVariables(Map.of(
        "reportMonth", month.toString(),
        "reportUrl", "/reports/complaints/monthly?month=" + month,
        "reportSummary", summary(report),
        "penaltySummary", penalties(report),
        "reviewDueAt", Date.from(due)));
    execution.setProcessBusinessKey("REVIEW-" + month);
  }

  /** The figures the GM office reads in its task, one per line. */
  static String summary(MonthlyComplaintReport report) {
    return String.join("\n",
        "Closed cases: " + report.closedCases() + " " + report.byType(),
        "Complaints closed: " + report.complaints() + ", upheld: " + report.upheld()
            + ", reopened: " + report.reopened(),
        "By category: " + report.byCategory(),
        "By remedy: " + report.byRemedy(),
        "On time: " + report.onTime() + ", overdue: " + report.overdue()
            + (report.onTimeRate() == null ? "" : String.format(" (%.0f%% on time)",
                report.onTimeRate() * 100)),
        "Closed late (past the closing limit): " + report.closedLate(),
        "Average handling: " + (report.averageHandlingWorkingDays() == null ? "-"
            : String.format("%.1f working days", report.averageHandlingWorkingDays())),
        "Discounts and compensation granted: " + report.compensationGranted().toPlainString()
            + " CNY",
        "Returns: " + report.returns().settled() + " settled ("
            + report.returns().bookedQuantity() + " units, "
            + report.returns().settlementAmount().toPlainString() + " CNY), "
            + report.returns().rejected() + " rejected");
  }

  /** The penalty points to confirm, one responsible unit (and person) per line. */
  static String penalties(MonthlyComplaintReport report) {
    if (report.penalties().isEmpty()) {
      return "No upheld complaints: no penalty points.";
    }
    return report.penalties().stream()
        .map(CompileMonthlyReport::line)
        .collect(Collectors.joining("\n"));
  }

  private static String line(Penalty penalty) {
    return penalty.department() + (penalty.person() == null ? "" : " / " + penalty.person())
        + ": " + penalty.points() + (penalty.points() == 1 ? " point" : " points");
  }
}
