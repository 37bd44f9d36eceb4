package com.careflow.bench;

import com.careflow.support.PackagedApp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Startup: how long the packaged CareFlow takes from its process start to its readiness
 * ({@code /actuator/health/readiness} UP, the database included) beside the bare Camunda
 * application, each on its own database of the same server, both already created (a restart,
 * as in operations). The bare one's first start creates its schema and is not counted; then
 * they start in turn, CareFlow first.
 */
final class StartupRace {

  /** Makes a not yet started application (its n-th start). */
  @FunctionalInterface
  interface Launcher {
    PackagedApp app(int n) throws Exception;
  }

  /** The ready times, in order, and the bare application's first (schema-creating) start. */
  record Result(List<Duration> careflow, List<Duration> bare, Duration bareFirst) {

    static double medianSeconds(List<Duration> starts) {
      return Stats.of(starts.stream().mapToDouble(start -> start.toNanos() / 1e9).toArray())
          .p50();
    }
  }

  private StartupRace() {}

  static Result run(Launcher careflow, Launcher bare, int rounds) throws Exception {
    Duration bareFirst = readyIn(bare.app(0));
    List<Duration> careflowStarts = new ArrayList<>();
    List<Duration> bareStarts = new ArrayList<>();
    for (int round = 1; round <= rounds; round++) {
      careflowStarts.add(readyIn(careflow.app(round)));
      bareStarts.add(readyIn(bare.app(round)));
      System.out.printf("[bench] startup round %d: CareFlow %.1f s, bare %.1f s%n", round,
          careflowStarts.get(round - 1).toMillis() / 1e3, bareStarts.get(round - 1).toMillis()
              / 1e3);
    }
    return new Result(careflowStarts, bareStarts, bareFirst);
  }

  private static Duration readyIn(PackagedApp app) throws Exception {
    try (app) {
      return app.start().readyIn();
    }
  }
}
