package com.careflow.promotion;

import com.careflow.employee.Employee;
import com.careflow.employee.EmployeeHistory;
import com.careflow.employee.EmployeeHistory.CertificateKind;
import com.careflow.employee.EmployeeHistory.CourseLevel;
import com.careflow.employee.EmployeeHistory.CourseResult;
import com.careflow.employee.EmployeeHistory.PerformanceScore;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The inputs of the {@code promotion-eligibility} decision (SPEC §4.2, §6), computed from the
 * employee's records on a given day, never typed by hand.
 *
 * @param monthsInGrade whole months from {@code gradeSince} to the day; 0 before confirmation
 * @param avgPerformanceScore the average of the scores of the 12 months before the day's month
 *     (the months scored; null when none was)
 * @param disciplinaryActions6m actions taken in the 6 months up to the day
 * @param atTopPayLevel whether the pay level is already the grade's top ({@code topPayLevel})
 * @param juniorCourseScore the best result of the junior management course; null when not taken
 */
public record EligibilityFacts(String employmentStatus, String promotionType, String track,
    int currentGrade, int targetGrade, int monthsInGrade, BigDecimal avgPerformanceScore,
    int disciplinaryActions6m, boolean hasLecturerCertificate, boolean atTopPayLevel,
    BigDecimal juniorCourseScore, BigDecimal intermediateCourseScore,
    BigDecimal seniorCourseScore) {

  /** SPEC §4.2: the last 12 months of scores, the last 6 months of discipline. */
  static final int SCORE_MONTHS = 12;
  static final int DISCIPLINE_MONTHS = 6;

  public static EligibilityFacts of(Employee employee, EmployeeHistory history,
      String promotionType, String track, int targetGrade, LocalDate day, int topPayLevel) {
    YearMonth thisMonth = YearMonth.from(day);
    List<BigDecimal> scores = history.performance().stream()
        .filter(score -> !score.month().isBefore(thisMonth.minusMonths(SCORE_MONTHS))
            && score.month().isBefore(thisMonth))
        .map(PerformanceScore::score).toList();
    BigDecimal average = scores.isEmpty() ? null : scores.stream()
        .reduce(BigDecimal.ZERO, BigDecimal::add)
        .divide(BigDecimal.valueOf(scores.size()), 2, RoundingMode.HALF_UP);
    LocalDate disciplineFrom = day.minusMonths(DISCIPLINE_MONTHS);
    int disciplinary = (int) history.disciplinaryActions().stream()
        .filter(action -> action.actionOn().isAfter(disciplineFrom)
            && !action.actionOn().isAfter(day))
        .count();
    boolean lecturer = history.certificates().stream()
        .anyMatch(certificate -> certificate.kind() == CertificateKind.INTERNAL_LECTURER
            && !certificate.issuedOn().isAfter(day));
    int months = employee.gradeSince() == null || employee.gradeSince().isAfter(day) ? 0
        : (int) ChronoUnit.MONTHS.between(employee.gradeSince(), day);
    return new EligibilityFacts(employee.status().name(), promotionType, track,
        employee.grade(), targetGrade, months, average, disciplinary, lecturer,
        employee.payLevel() >= topPayLevel, best(history, CourseLevel.JUNIOR),
        best(history, CourseLevel.INTERMEDIATE), best(history, CourseLevel.SENIOR));
  }

  /** The decision's input variables, names per SPEC §6. */
  public Map<String, Object> asVariables() {
    Map<String, Object> variables = new HashMap<>();
    variables.put("employmentStatus", employmentStatus);
    variables.put("promotionType", promotionType);
    variables.put("track", track);
    variables.put("currentGrade", currentGrade);
    variables.put("targetGrade", targetGrade);
    variables.put("monthsInGrade", monthsInGrade);
    variables.put("avgPerformanceScore", number(avgPerformanceScore));
    variables.put("disciplinaryActions6m", disciplinaryActions6m);
    variables.put("hasLecturerCertificate", hasLecturerCertificate);
    variables.put("atTopPayLevel", atTopPayLevel);
    variables.put("juniorCourseScore", number(juniorCourseScore));
    variables.put("intermediateCourseScore", number(intermediateCourseScore));
    variables.put("seniorCourseScore", number(seniorCourseScore));
    return variables;
  }

  private static Double number(BigDecimal value) {
    return value == null ? null : value.doubleValue();
  }

  private static BigDecimal best(EmployeeHistory history, CourseLevel level) {
    return history.courseResults().stream().filter(course -> course.level() == level)
        .map(CourseResult::score).max(Comparator.naturalOrder()).orElse(null);
  }
}
