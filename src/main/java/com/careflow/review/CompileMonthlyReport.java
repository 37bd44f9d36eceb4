package com.careflow.review;

import com.careflow.calendar.CalendarProperties;
import com.careflow.employee.StaffChoices;
import com.careflow.review.MonthlyComplaintReport.CaseResponsibility;
import com.careflow.review.MonthlyComplaintReport.UnitTotals;
import com.careflow.review.MonthlyComplaintReport.Penalty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.spin.Spin;
import org.springframework.stereotype.Component;

/**
 * Compiles last month's complaint figures for the GM office (SPEC §1.10) and stores them, and
 * sets the review's deadline: the end of the day given by the task's input parameter
 * {@code reviewDueDay} (the 10th) of the month the review happens in. The month is the one
 * before the engine's clock, in the company's time zone, unless {@code reportMonth} is set.
 *
 * <p>When the review happens in one of the months of the input parameter
 * {@code halfYearMonths} ({@code 6,12}: June and December), the figures also hold the half-year
 * summary of the six months up to the reported one (003 篇十一), and the GM office's task shows
 * it ({@code halfYearSummary}, {@code halfYearUrl}).
 *
 * <p>The GM office decides responsibility case by case (SPEC §1.10): {@code casesToDecide} lists
 * the upheld complaints it has not decided yet (and the one it asked to reconsider,
 * {@code reconsiderCase}), each a <em>Decide responsibility</em> task; once all are decided the
 * figures are compiled again with the decisions. {@code decisionSummary} shows them, one case a
 * line; {@code upheldCaseOptions} offers the cases to reconsider.
 */
@Component("compileMonthlyReport")
public class CompileMonthlyReport implements JavaDelegate {

  private final ComplaintStatistics statistics;
  private final MonthlyReviews reviews;
  private final ObjectMapper json;
  private final StaffChoices choices;
  private final ZoneId zone;

  public CompileMonthlyReport(ComplaintStatistics statistics, MonthlyReviews reviews,
      ObjectMapper json, StaffChoices choices, CalendarProperties calendar) {
    this.statistics = statistics;
    this.choices = choices;
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
    YearMonth reviewMonth = month.plusMonths(1);
    boolean halfYear = halfYearMonths(execution).contains(reviewMonth.getMonthValue());
    if (halfYear) {
      report = report.withHalfYear(statistics.halfYear(month));
    }
    reviews.compiled(month.toString(), execution.getProcessInstanceId(),
        json.writeValueAsString(report), now);
    int dueDay = ((Number) execution.getVariableLocal("reviewDueDay")).intValue();
    Instant due = reviewMonth.atDay(dueDay).plusDays(1).atStartOfDay(zone).toInstant();
    Map<String, Object> variables = new HashMap<>(Map.of(
        "reportMonth", month.toString(),
        "reportUrl", "/reports/complaints/monthly?month=" + month,
        "reportSummary", summary(report),
        "penaltySummary", penalties(report),
        "reviewDueAt", Date.from(due)));
    variables.put("decisionSummary", decisions(report, choices));
    variables.put("unitSummary", units(report, choices));
    variables.put("upheldCaseOptions", Spin.JSON(json.writeValueAsString(
        report.responsibilities().stream().map(CaseResponsibility::complaint).toList())));
    List<String> toDecide = new ArrayList<>(report.responsibilities().stream()
        .filter(responsibility -> "PROPOSED".equals(responsibility.decision()))
        .map(CaseResponsibility::complaint).toList());
    Object reconsider = execution.getVariable("reconsiderCase");
    if (reconsider != null && !toDecide.contains(reconsider.toString())
        && report.responsibilities().stream()
            .anyMatch(responsibility -> responsibility.complaint().equals(reconsider))) {
      toDecide.add(reconsider.toString());
    }
    variables.put("casesToDecide", toDecide);
    variables.put("reconsiderCase", null);
    variables.put("halfYearSummary", halfYear ? "Half year " + report.halfYear().month() + "\n"
        + summary(report.halfYear()) : null);
    variables.put("halfYearUrl", halfYear ? "/reports/complaints/half-year?until=" + month : null);
    execution.getProcessInstance().setVariables(variables);
    execution.setProcessBusinessKey("REVIEW-" + month);
  }

  /** The months (1–12) whose review includes the half-year summary, e.g. {@code 6,12}. */
  private static Set<Integer> halfYearMonths(DelegateExecution execution) {
    Object months = execution.getVariableLocal("halfYearMonths");
    Set<Integer> values = new HashSet<>();
    if (months != null) {
      for (String month : months.toString().split(",")) {
        if (!month.isBlank()) {
          values.add(Integer.parseInt(month.trim()));
        }
      }
    }
    return values;
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

  /**
   * The reward and penalty notice to confirm, one responsible person (by name and employee
   * number) or unit per line: the points, the bonus deduction and the sanctions the penalty
   * standard gives, and the complaints behind them; a person not on the employee records is
   * marked, as their deduction cannot go onto a file.
   */
  static String penalties(MonthlyComplaintReport report) {
    if (report.penalties().isEmpty()) {
      return "No upheld complaints: no penalty points.";
    }
    return report.penalties().stream()
        .map(CompileMonthlyReport::line)
        .collect(Collectors.joining("\n"));
  }

  /** The GM office's decisions, one upheld complaint a line (SPEC §1.10). */
  static String decisions(MonthlyComplaintReport report, StaffChoices choices) {
    if (report.responsibilities().isEmpty()) {
      return "No upheld complaints.";
    }
    return report.responsibilities().stream().map(responsibility -> responsibility.complaint()
        + " " + responsibility.category() + ": " + choices.unit(responsibility.unit())
        + (responsibility.person() == null ? "" : " / " + responsibility.person())
        + ", " + responsibility.share() + "% (" + responsibility.decision()
        + (responsibility.reason() == null ? "" : ": " + responsibility.reason()) + ")"
        + ", loss " + responsibility.lossAmount().toPlainString() + " CNY")
        .collect(Collectors.joining("\n"));
  }

  /**
   * Per responsible unit: loss amounts, bonus deductions, sanctions, second complaints and
   * improvements under tracking (SPEC §1.10).
   */
  static String units(MonthlyComplaintReport report, StaffChoices choices) {
    if (report.byUnit().isEmpty()) {
      return "No upheld complaints.";
    }
    return report.byUnit().stream().map((UnitTotals unit) -> choices.unit(unit.unit()) + ": "
        + unit.complaints() + " upheld, loss " + unit.lossAmount().toPlainString()
        + " CNY, bonus deductions " + unit.bonusDeductions().toPlainString() + " CNY, "
        + unit.sanctions() + " sanctions, " + unit.secondComplaints() + " second complaints, "
        + unit.improvementTrackings() + " improvements under tracking")
        .collect(Collectors.joining("\n"));
  }

  private static String line(Penalty penalty) {
    String who = penalty.person() == null ? penalty.department()
        : penalty.department() + " / " + (penalty.onRecord()
            ? penalty.personName() + " (" + penalty.person() + ")"
            : penalty.person() + " (not on the employee records)");
    return who + ": " + penalty.points() + (penalty.points() == 1 ? " point" : " points")
        + (penalty.bonusDeduction() == null ? ""
            : ", bonus deduction " + penalty.bonusDeduction().toPlainString() + " CNY")
        + (penalty.sanctions() == null || penalty.sanctions().isEmpty() ? ""
            : ", sanctions for HR: " + String.join(", ", penalty.sanctions()))
        + (penalty.complaints() == null || penalty.complaints().isEmpty() ? ""
            : " — " + String.join(", ", penalty.complaints()));
  }
}
