package com.careflow.bench;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Runs a {@link Lifecycle} N times at a concurrency, each worker working whole cases with its
 * own {@link Team}, and times it until the last case is over.
 */
final class LifecycleRuns {

  private static final Duration OVER_WITHIN = Duration.ofSeconds(120);

  /** One workload at one concurrency. */
  record Result(String workload, Load.Result load, Map<String, Stats> steps,
      Map<String, Stats> calls, long emptyLists) {

    double casesPerSecond() {
      return load.perSecond();
    }
  }

  private final BenchHttp http;
  private final Gauges gauges;
  private final List<Team> teams;
  private final BenchServer server;
  private final String database;

  LifecycleRuns(BenchHttp http, Gauges gauges, List<Team> teams, BenchServer server,
      String database) {
    this.http = http;
    this.gauges = gauges;
    this.teams = teams;
    this.server = server;
    this.database = database;
  }

  Result run(Lifecycle lifecycle, int cases, int concurrency) throws Exception {
    CaseDriver driver = new CaseDriver(http, instance -> {
      try (Connection connection = server.connect(database);
          java.sql.PreparedStatement pending = connection.prepareStatement(
              "SELECT COUNT(*) FROM act_ru_job WHERE process_instance_id_ = ? AND type_ = 'message'")) {
        pending.setString(1, instance);
        try (java.sql.ResultSet count = pending.executeQuery()) {
          count.next();
          return count.getLong(1) > 0;
        }
      } catch (java.sql.SQLException e) {
        throw new IllegalStateException(e);
      }
    });
    List<String> instances = Collections.synchronizedList(new ArrayList<>());
    Load.Result load = Load.run(cases, concurrency, gauges,
        worker -> instances.add(driver.work(lifecycle, teams.get(worker % teams.size()))),
        () -> awaitOver(lifecycle, instances));
    Result result = new Result(lifecycle.name(), load, driver.steps().stats(),
        driver.calls().stats(), driver.emptyLists());
    System.out.printf("[bench] %-28s c=%-3d %5d cases %7.1f s %7.2f cases/s%n",
        lifecycle.name(), concurrency, cases, load.seconds(), result.casesPerSecond());
    return result;
  }

  private void awaitOver(Lifecycle lifecycle, List<String> instances) throws Exception {
    long deadline = System.nanoTime() + OVER_WITHIN.toNanos();
    try (Connection connection = server.connect(database)) {
      int over;
      while ((over = lifecycle.finished(connection, instances)) < instances.size()) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(lifecycle.name() + ": " + over + " of "
              + instances.size() + " cases over after " + OVER_WITHIN);
        }
        Thread.sleep(50);
      }
    }
  }
}
