package com.careflow.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Timings collected by many workers at once, by name (a step of a case, an HTTP operation),
 * in the order the names first came.
 */
final class Samples {

  private final Map<String, List<Double>> byName = new LinkedHashMap<>();

  synchronized void add(String name, double millis) {
    byName.computeIfAbsent(name, key -> new ArrayList<>()).add(millis);
  }

  synchronized Map<String, Stats> stats() {
    Map<String, Stats> stats = new LinkedHashMap<>();
    byName.forEach((name, values) -> stats.put(name,
        Stats.of(values.stream().mapToDouble(Double::doubleValue).toArray())));
    return stats;
  }

  /** Milliseconds since {@code startNanos}, from {@link System#nanoTime()}. */
  static double since(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e6;
  }
}
