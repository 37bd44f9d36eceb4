package com.careflow.bench;

import com.careflow.support.PackagedApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Where a measured run's time goes, read before and after it: the database's commits
 * (pg_stat_database, which lags up to about a second per backend) and writing transactions
 * (the server's transaction ids, exact), the CPU time of the application, of the database
 * server (embedded only), of this client and of the whole machine (so that other processes
 * show), and the HTTP calls made.
 */
final class Gauges {

  /** The counters at one moment, or (by {@link #minus}) what a run used. */
  record Reading(long commits, long writes, double appCpuMs, double databaseCpuMs,
      double clientCpuMs, double machineCpuMs, long requests) {

    Reading minus(Reading before) {
      return new Reading(commits - before.commits, writes - before.writes,
          appCpuMs - before.appCpuMs, databaseCpuMs - before.databaseCpuMs,
          clientCpuMs - before.clientCpuMs, machineCpuMs - before.machineCpuMs,
          requests - before.requests);
    }

    /** The machine's CPU time that none of the three used: other processes, the kernel. */
    double otherCpuMs() {
      return machineCpuMs - appCpuMs - databaseCpuMs - clientCpuMs;
    }
  }

  /** USER_HZ, 100 on every Linux the benchmark runs on. */
  private static final int CLOCK_TICKS_PER_SECOND = 100;

  private final BenchServer server;
  private final String database;
  private final PackagedApp app;
  private final BenchHttp http;

  Gauges(BenchServer server, String database, PackagedApp app, BenchHttp http) {
    this.server = server;
    this.database = database;
    this.app = app;
    this.http = http;
  }

  Reading read() throws SQLException, IOException {
    return new Reading(server.commits(database), server.nextTransactionId(),
        millis(app.cpu().orElse(null)),
        millis(server.cpu().orElse(null)),
        millis(ProcessHandle.current().info().totalCpuDuration().orElse(null)),
        machineBusyMs(), http.requests());
  }

  /** All CPUs' busy time so far ({@code /proc/stat}: all but idle and iowait), Linux only. */
  private static double machineBusyMs() throws IOException {
    Path stat = Path.of("/proc/stat");
    if (!Files.isReadable(stat)) {
      return Double.NaN;
    }
    String[] ticks = Files.readAllLines(stat).get(0).trim().split("\\s+");
    long busy = 0;
    for (int i = 1; i < Math.min(ticks.length, 9); i++) {
      if (i != 4 && i != 5) { // idle, iowait
        busy += Long.parseLong(ticks[i]);
      }
    }
    return busy * 1000.0 / CLOCK_TICKS_PER_SECOND;
  }

  private static double millis(Duration duration) {
    return duration == null ? Double.NaN : duration.toNanos() / 1e6;
  }
}
