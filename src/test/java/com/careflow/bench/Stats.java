package com.careflow.bench;

import java.util.Arrays;

/** Timings of one kind, in milliseconds: how many, the median, the 95th percentile, the worst. */
record Stats(int count, double p50, double p95, double max) {

  static final Stats NONE = new Stats(0, Double.NaN, Double.NaN, Double.NaN);

  static Stats of(double[] millis) {
    if (millis.length == 0) {
      return NONE;
    }
    double[] sorted = millis.clone();
    Arrays.sort(sorted);
    return new Stats(sorted.length, percentile(sorted, 50), percentile(sorted, 95),
        sorted[sorted.length - 1]);
  }

  /** Nearest-rank percentile of sorted values. */
  static double percentile(double[] sorted, int percent) {
    int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }
}
