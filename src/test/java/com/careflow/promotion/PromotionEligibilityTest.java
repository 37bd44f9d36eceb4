package com.careflow.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import com.careflow.support.DecisionTable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SPEC §4.2 and §6: the promotion-eligibility decision names every unmet condition (COLLECT),
 * each rule at its boundary. The baseline is an eligible POSITION promotion from grade 2 to 3.
 */
class PromotionEligibilityTest {

  private static final DecisionTable decision =
      DecisionTable.of("processes/promotion-eligibility.dmn", "promotion-eligibility");

  @Test
  void aRegularEmployeeMeetingEveryConditionIsEligible() {
    assertThat(unmet(facts())).isEmpty();
  }

  @Test
  void staffOnProbationCannotBeNominated() {
    assertThat(unmet(facts("employmentStatus", "PROBATION"))).containsExactly("PROBATION");
  }

  @ParameterizedTest(name = "{0} months in grade: {1}")
  @CsvSource({"5, MONTHS_IN_GRADE", "6, ''", "30, ''"})
  void sixMonthsInTheGradeAreNeeded(int months, String expected) {
    assertThat(unmet(facts("monthsInGrade", months))).isEqualTo(expectation(expected));
  }

  @ParameterizedTest(name = "average {0}: {1}")
  @CsvSource({"79.9, PERFORMANCE", "80, ''", "80.0, ''", "95.5, ''"})
  void anAverageOfEightyPasses(double average, String expected) {
    assertThat(unmet(facts("avgPerformanceScore", average))).isEqualTo(expectation(expected));
  }

  @Test
  void noScoreInTheLastTwelveMonthsIsNoAverageOfEighty() {
    assertThat(unmet(facts("avgPerformanceScore", null))).containsExactly("PERFORMANCE");
  }

  @ParameterizedTest(name = "{0} disciplinary actions: {1}")
  @CsvSource({"0, ''", "1, DISCIPLINE", "3, DISCIPLINE"})
  void anyDisciplinaryActionInSixMonthsBars(int actions, String expected) {
    assertThat(unmet(facts("disciplinaryActions6m", actions))).isEqualTo(expectation(expected));
  }

  @ParameterizedTest(name = "grade {0} to {1} without the certificate: {2}")
  @CsvSource({"1, 2, ''", "2, 3, LECTURER_CERTIFICATE", "3, 4, LECTURER_CERTIFICATE"})
  void gradeThreeAndAboveNeedTheLecturerCertificate(int current, int target, String expected) {
    assertThat(unmet(facts("currentGrade", current, "targetGrade", target,
        "hasLecturerCertificate", false, "intermediateCourseScore", 75.0)))
        .isEqualTo(expectation(expected));
  }

  @ParameterizedTest(name = "junior course {0}: {1}")
  @CsvSource({"69.5, JUNIOR_COURSE", "70, ''"})
  void gradeTwoAndAboveNeedTheJuniorCourseAtSeventy(double score, String expected) {
    assertThat(unmet(facts("currentGrade", 1, "targetGrade", 2, "juniorCourseScore", score)))
        .isEqualTo(expectation(expected));
  }

  @Test
  void aCourseNotTakenIsNotPassed() {
    assertThat(unmet(facts("juniorCourseScore", null))).containsExactly("JUNIOR_COURSE");
  }

  @ParameterizedTest(name = "to grade {0} with intermediate course {1}: {2}")
  @CsvSource({"4, 69.5, INTERMEDIATE_COURSE", "4, 70, ''", "3, , ''"})
  void gradeFourAndAboveNeedTheIntermediateCourseAtSeventy(int target, Double score,
      String expected) {
    assertThat(unmet(facts("currentGrade", target - 1, "targetGrade", target,
        "intermediateCourseScore", score))).isEqualTo(expectation(expected));
  }

  @ParameterizedTest(name = "to grade {0} with senior course {1}: {2}")
  @CsvSource({"7, 59, SENIOR_COURSE", "7, 60, ''", "6, , ''"})
  void gradeSevenAndAboveNeedTheSeniorCourseAtSixty(int target, Double score, String expected) {
    assertThat(unmet(facts("currentGrade", target - 1, "targetGrade", target,
        "intermediateCourseScore", 80.0, "seniorCourseScore", score)))
        .isEqualTo(expectation(expected));
  }

  @ParameterizedTest(name = "{0}, grade 2 to 4: {1}")
  @CsvSource({"PERIODIC, SKIP_LEVEL", "VACANCY, SKIP_LEVEL", "EXCEPTIONAL, ''"})
  void oneGradeAtATimeUnlessExceptional(String track, String expected) {
    assertThat(unmet(facts("track", track, "targetGrade", 4, "intermediateCourseScore", 70.0)))
        .isEqualTo(expectation(expected));
  }

  @ParameterizedTest(name = "{0} promotion, exceptional, without the certificate")
  @CsvSource({"POSITION", "PAY_LEVEL"})
  void anExceptionalPromotionNeedsTheLecturerCertificateOnce(String type) {
    assertThat(unmet(facts("track", "EXCEPTIONAL", "promotionType", type,
        "hasLecturerCertificate", false, "targetGrade", type.equals("POSITION") ? 3 : 2)))
        .containsExactly("LECTURER_CERTIFICATE");
  }

  @Test
  void aPayLevelPromotionNeedsALevelLeftInTheGradeAndNoCourse() {
    Map<String, Object> payLevel = facts("promotionType", "PAY_LEVEL", "targetGrade", 2,
        "hasLecturerCertificate", false, "juniorCourseScore", null);
    assertThat(unmet(payLevel)).isEmpty();
    payLevel.put("atTopPayLevel", true);
    assertThat(unmet(payLevel)).containsExactly("TOP_PAY_LEVEL");
  }

  @Test
  void everyUnmetConditionIsReportedAtOnce() {
    assertThat(unmet(facts("employmentStatus", "PROBATION", "monthsInGrade", 0,
        "avgPerformanceScore", null, "disciplinaryActions6m", 2, "hasLecturerCertificate", false,
        "juniorCourseScore", null, "targetGrade", 7, "currentGrade", 2)))
        .containsExactlyInAnyOrder("PROBATION", "MONTHS_IN_GRADE", "PERFORMANCE", "DISCIPLINE",
            "LECTURER_CERTIFICATE", "JUNIOR_COURSE", "INTERMEDIATE_COURSE", "SENIOR_COURSE",
            "SKIP_LEVEL");
  }

  private static List<String> unmet(Map<String, Object> facts) {
    return decision.evaluate(facts).collectEntries("unmetCondition");
  }

  private static List<String> expectation(String condition) {
    return condition.isEmpty() ? List.of() : List.of(condition);
  }

  /** The baseline facts with some replaced: name, value, name, value … */
  private static Map<String, Object> facts(Object... replaced) {
    Map<String, Object> facts = new HashMap<>();
    facts.put("employmentStatus", "REGULAR");
    facts.put("promotionType", "POSITION");
    facts.put("track", "PERIODIC");
    facts.put("currentGrade", 2);
    facts.put("targetGrade", 3);
    facts.put("monthsInGrade", 6);
    facts.put("avgPerformanceScore", 80.0);
    facts.put("disciplinaryActions6m", 0);
    facts.put("hasLecturerCertificate", true);
    facts.put("atTopPayLevel", false);
    facts.put("juniorCourseScore", 70.0);
    facts.put("intermediateCourseScore", null);
    facts.put("seniorCourseScore", null);
    for (int i = 0; i < replaced.length; i += 2) {
      facts.put((String) replaced[i], replaced[i + 1]);
    }
    return facts;
  }
}
