package com.careflow.employee;

import com.careflow.calendar.CalendarProperties;
import com.careflow.locale.Labels;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * What the customers say of an employee's work, for appraisal (SPEC §8.4): the satisfaction
 * ratings of the cases they took first, per month, over the last {@value #MONTHS} months (this
 * one included). The employee file shows them; promotion's assessment forms show them as text
 * through a task input parameter, {@code ${appraisal.satisfactionSummary(employeeId)}}.
 */
@Component("appraisal")
public class Appraisal {

  static final int MONTHS = 12;

  private final EmployeeRecords records;
  private final CustomerRatings ratings;
  private final Labels labels;
  private final ZoneId zone;

  public Appraisal(EmployeeRecords records, CustomerRatings ratings, Labels labels,
      CalendarProperties calendar) {
    this.records = records;
    this.ratings = ratings;
    this.labels = labels;
    this.zone = calendar.zone();
  }

  /** The months with rated cases, oldest first, while the employee worked here. */
  public List<MonthlyRatings> satisfaction(Employee employee) {
    LocalDate today = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), zone);
    YearMonth to = YearMonth.from(employee.leftOn() == null ? today : employee.leftOn());
    YearMonth from = to.minusMonths(MONTHS - 1);
    return ratings.ofFirstContactAgent(employee.userId(), employee.startDate(), from, to);
  }

  /** The same as text, one line per month, in the company's language, for a form. */
  public String satisfactionSummary(String employeeId) {
    Locale company = labels.company();
    Employee employee = records.find(employeeId).orElse(null);
    List<MonthlyRatings> months = employee == null ? List.of() : satisfaction(employee);
    if (months.isEmpty()) {
      return labels.text("appraisal.none", company);
    }
    List<String> lines = new ArrayList<>();
    for (MonthlyRatings month : months) {
      List<String> dimensions = new ArrayList<>();
      for (Map.Entry<String, Map<String, Long>> dimension : month.ratings().entrySet()) {
        List<String> counts = new ArrayList<>();
        dimension.getValue().forEach((rating, count) -> {
          if (count > 0) {
            counts.add(labels.of("rating", rating, company) + " " + count);
          }
        });
        if (!counts.isEmpty()) {
          dimensions.add(labels.of("dimension", dimension.getKey(), company) + " "
              + String.join(labels.text("appraisal.listSeparator", company), counts));
        }
      }
      lines.add(labels.text("appraisal.month", company, month.month().toString(),
          month.ratedCases(), String.join(labels.text("appraisal.groupSeparator", company),
              dimensions)));
    }
    return String.join("\n", lines);
  }
}
