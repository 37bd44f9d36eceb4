package com.careflow.bench;

/**
 * One line of the benchmark's summary: CareFlow's figure beside the baseline's, their ratio
 * (NaN when the line compares nothing), and the goal of issue 18 it is held to, if any.
 *
 * @param judged the value the goal applies to: the ratio, or CareFlow's own figure
 */
record Figure(String name, String careflow, String baseline, double ratio, Goal goal,
    double judged) {

  /** A goal: at least, or at most, a limit. */
  record Goal(double limit, boolean atMost, String text) {
    static Goal atLeast(double limit) {
      return new Goal(limit, false, "≥ " + number(limit));
    }

    static Goal atMost(double limit, String unit) {
      return new Goal(limit, true, "≤ " + number(limit) + unit);
    }

    private static String number(double limit) {
      return limit == Math.rint(limit) ? String.valueOf((long) limit) : String.valueOf(limit);
    }

    boolean metBy(double value) {
      return atMost ? value <= limit : value >= limit;
    }
  }

  /** A ratio, held to a goal (null: shown for information). */
  static Figure ratio(String name, double careflow, double baseline, String format, Goal goal) {
    double ratio = careflow / baseline;
    return new Figure(name, format.formatted(careflow), format.formatted(baseline), ratio, goal,
        ratio);
  }

  boolean hasGoal() {
    return goal != null;
  }

  boolean met() {
    return goal != null && !Double.isNaN(judged) && goal.metBy(judged);
  }

  String metText() {
    return goal == null ? "–" : met() ? "yes" : "**no**";
  }

  String ratioText() {
    return Double.isNaN(ratio) ? "–" : "%.2f".formatted(ratio);
  }
}
