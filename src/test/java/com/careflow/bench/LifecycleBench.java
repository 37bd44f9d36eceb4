package com.careflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.careflow.bench.IntakeRuns.Door;
import com.careflow.support.PackagedApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The engine lifecycle benchmark (issue 18): a measuring tool, not a test; {@code ./mvnw
 * -Pbench verify} runs it against the packaged jar on PostgreSQL and writes
 * {@code target/bench/report.md} and {@code report.svg} (docs/performance.md).
 *
 * <ol>
 *   <li>CareFlow as shipped (postgres profile, authorization on): warm-up, then per
 *       concurrency W1 (complaints end to end) and W0 (the linear baseline).
 *   <li>The same jar and database with {@code --camunda.bpm.authorization.enabled=false}: W0.
 *   <li>CareFlow as shipped again: W2 (intake through the API against a start through
 *       {@code /engine-rest}), after as many requests of each to warm up.
 *   <li>pgbench on the same server, nothing else running.
 *   <li>Startup: CareFlow and the bare Camunda application ({@code bench/bare-engine}, built
 *       by the profile) in turn.
 * </ol>
 *
 * <p>System properties: {@code bench.cases} (200 per concurrency and workload),
 * {@code bench.warmup} (as many, per workload before its first level),
 * {@code bench.concurrency} (1,4,16), {@code bench.intakes} (500 per door and concurrency),
 * {@code bench.intakeConcurrency} (1,4,16,50, back to back), {@code bench.agents} (50) and
 * {@code bench.agentPauseMs} (3000: agents at work, each pausing that long on average between
 * contacts), {@code bench.starts} (3 each), {@code bench.pgbenchSeconds} (20),
 * {@code bench.pgbenchScale} (10), {@code bench.pgbenchClients} (4), {@code bench.jdbcUrl}
 * (with {@code bench.jdbcUser}, {@code bench.jdbcPassword}: a server of your own instead of the
 * embedded one), {@code bench.durableCommits} (true: fsync and synchronous_commit on, as in
 * production; embedded only), {@code bench.checkGoals}
 * (false: true fails when a goal of issue 18 is missed).
 */
class LifecycleBench {

  private static final String ADMIN_PASSWORD = "Bench-heron-7731-kite";
  private static final String CAREFLOW_DB = "bench_careflow";
  private static final String BARE_DB = "bench_bare";
  private static final String PGBENCH_DB = "bench_pgbench";
  private static final String READINESS = "/actuator/health/readiness";

  private final int cases = Integer.getInteger("bench.cases", 200);
  private final int warmup = Integer.getInteger("bench.warmup", cases);
  private final List<Integer> concurrency = levels("bench.concurrency", "1,4,16");
  private final int intakes = Integer.getInteger("bench.intakes", 500);
  private final List<Integer> intakeConcurrency = levels("bench.intakeConcurrency",
      "1,4,16,50");
  private final int agents = Integer.getInteger("bench.agents", 50);
  private final long agentPauseMillis = Long.getLong("bench.agentPauseMs", 3000);
  private final int starts = Integer.getInteger("bench.starts", 3);
  private final int pgbenchSeconds = Integer.getInteger("bench.pgbenchSeconds", 20);
  private final int pgbenchScale = Integer.getInteger("bench.pgbenchScale", 10);
  private final int pgbenchClients = Integer.getInteger("bench.pgbenchClients", 4);
  private final boolean checkGoals = Boolean.getBoolean("bench.checkGoals");

  /** What the workloads measured, gathered for the report. */
  private static final class Measured {
    final List<LifecycleRuns.Result> lifecycles = new ArrayList<>();
    final List<IntakeRuns.Result> intakes = new ArrayList<>();
    final Map<String, String> variables = new LinkedHashMap<>();
    List<Integer> padding;
    Duration firstStart;
  }

  @Test
  void engineLifecycle() throws Exception {
    try (BenchServer server = BenchServer.start()) {
      for (String database : List.of(CAREFLOW_DB, BARE_DB, PGBENCH_DB)) {
        server.recreate(database);
      }
      Measured measured = new Measured();
      asShipped(server, measured);
      withoutAuthorization(server, measured);
      intake(server, measured);
      Pgbench.Result pgbench = Pgbench.run(server, PGBENCH_DB, pgbenchScale, pgbenchClients,
          pgbenchSeconds);
      System.out.println("[bench] pgbench: " + pgbench);
      StartupRace.Result startup = StartupRace.run(
          n -> careflow(server, "bench-startup-careflow-" + n),
          n -> bare(server, "bench-startup-bare-" + n), starts);

      LifecycleReport report = new LifecycleReport(new LifecycleReport.Inputs(Machine.here(),
          server.version(), server.description() + ", " + server.settings(), size(),
          sorted(measured.lifecycles), measured.variables, measured.intakes, pgbench, startup,
          measured.firstStart));
      report.write(Path.of("target", "bench"));
      System.out.println("\n" + report.summary());
      assertThat(Path.of("target", "bench", "report.md")).isNotEmptyFile();
      if (checkGoals) {
        assertThat(report.missedGoals()).as("goals of issue 18 missed; see target/bench/report.md")
            .isEmpty();
      }
    }
  }

  /** CareFlow as shipped: its users and the baseline set up, then W1 and W0 per level. */
  private void asShipped(BenchServer server, Measured measured) throws Exception {
    try (PackagedApp app = careflow(server, "bench-careflow").start()) {
      measured.firstStart = app.readyIn();
      BenchHttp http = new BenchHttp(app.port());
      BenchAdmin admin = new BenchAdmin(http, ADMIN_PASSWORD);
      List<Team> teams = Team.create(admin, teamCount());
      Gauges gauges = new Gauges(server, CAREFLOW_DB, app, http);
      LifecycleRuns runs = new LifecycleRuns(http, gauges, teams, server, CAREFLOW_DB);
      Lifecycle complaints = new ComplaintLifecycle();
      runs.run(complaints, warmup, Math.min(4, teams.size()));
      // W0 keeps as many variables as the complaints just finished, as large
      try (Connection database = server.connect(CAREFLOW_DB)) {
        measured.padding = LinearBaseline.padding(database);
      }
      admin.deploy("bench-linear-baseline", LinearBaseline.deployment(measured.padding));
      for (Team team : teams) {
        admin.grant(team.agent().id(), BenchAdmin.PROCESS_DEFINITION,
            LinearBaseline.PROCESS_KEY, List.of("READ", "CREATE_INSTANCE"));
      }
      Lifecycle baseline = new LinearBaseline(LifecycleReport.W0_ON, measured.padding);
      runs.run(baseline, warmup, Math.min(4, teams.size()));
      for (int c : concurrency) {
        measured.lifecycles.add(runs.run(complaints, cases, c));
        measured.lifecycles.add(runs.run(baseline, cases, c));
      }
      for (String key : List.of(ComplaintLifecycle.PROCESS_KEY, LinearBaseline.PROCESS_KEY)) {
        measured.variables.put(key, variablesPerCase(server, key));
      }
    }
  }

  /**
   * The same jar and database with Camunda's authorization off: W0 per level. A new JVM: it
   * first works as many cases as CareFlow as shipped had worked before its first W0 level.
   */
  private void withoutAuthorization(BenchServer server, Measured measured) throws Exception {
    try (PackagedApp app = careflow(server, "bench-careflow-no-authorization")
        .arguments("--camunda.bpm.authorization.enabled=false").start()) {
      BenchHttp http = new BenchHttp(app.port());
      List<Team> teams = Team.existing(teamCount());
      LifecycleRuns runs = new LifecycleRuns(http, new Gauges(server, CAREFLOW_DB, app, http),
          teams, server, CAREFLOW_DB);
      Lifecycle baseline = new LinearBaseline(LifecycleReport.W0_OFF, measured.padding);
      runs.run(baseline, 2 * warmup + cases, Math.min(4, teams.size()));
      for (int c : concurrency) {
        measured.lifecycles.add(runs.run(baseline, cases, c));
      }
    }
  }

  /**
   * W2 on CareFlow as shipped, started again: last, because the cases it registers stay open
   * at triage and would weigh on the lifecycles measured after them.
   */
  private void intake(BenchServer server, Measured measured) throws Exception {
    try (PackagedApp app = careflow(server, "bench-careflow-intake").start()) {
      BenchHttp http = new BenchHttp(app.port());
      IntakeRuns intake = new IntakeRuns(http, new Gauges(server, CAREFLOW_DB, app, http),
          Team.existing(teamCount()));
      for (Door door : Door.values()) {
        intake.run(door, intakes, 4); // warm-up
      }
      for (int c : intakeConcurrency) {
        for (Door door : Door.values()) {
          measured.intakes.add(intake.run(door, intakes, c));
        }
      }
      // the goal's "50 agents sustained": people at work, each pausing between contacts
      for (Door door : Door.values()) {
        measured.intakes.add(intake.run(door, intakes, agents, agentPauseMillis));
      }
    }
  }

  /** One team per worker of the highest concurrency (the intake's agents are shared). */
  private int teamCount() {
    return concurrency.stream().max(Integer::compare).orElse(1);
  }

  /** CareFlow's packaged jar, production profile, on the benchmark's database. */
  private static PackagedApp careflow(BenchServer server, String name) throws IOException {
    Map<String, String> environment = datasource(server, CAREFLOW_DB);
    environment.put("SPRING_PROFILES_ACTIVE", "postgres");
    environment.put("CAMUNDA_BPM_ADMINUSER_PASSWORD", ADMIN_PASSWORD);
    environment.put("SPRING_MAIL_HOST", "localhost");
    return new PackagedApp(PackagedApp.workDir(name), environment, name).readyWhen(READINESS)
        .jvmOptions(jvmOptions());
  }

  /**
   * {@code -Dbench.jvmOptions="…"}: options for CareFlow's JVMs, e.g.
   * {@code -XX:StartFlightRecording=filename=app.jfr,settings=profile} to see where their time
   * goes (the file lands in each application's working directory under target/).
   */
  private static List<String> jvmOptions() {
    String options = System.getProperty("bench.jvmOptions", "").strip();
    return options.isEmpty() ? List.of() : List.of(options.split("\\s+"));
  }

  /** The bare Camunda application of bench/bare-engine, on a database of its own. */
  private static PackagedApp bare(BenchServer server, String name) throws IOException {
    return new PackagedApp(PackagedApp.workDir(name), datasource(server, BARE_DB), name)
        .jar(bareJar()).readyWhen(READINESS);
  }

  private static Map<String, String> datasource(BenchServer server, String database) {
    Map<String, String> environment = new HashMap<>();
    environment.put("SPRING_DATASOURCE_URL", server.jdbcUrl(database));
    environment.put("SPRING_DATASOURCE_USERNAME", server.user());
    environment.put("SPRING_DATASOURCE_PASSWORD", server.password());
    return environment;
  }

  private static Path bareJar() throws IOException {
    Path target = Path.of("bench", "bare-engine", "target");
    try (Stream<Path> files = Files.list(target)) {
      return files.filter(file -> file.getFileName().toString().matches("bare-engine-.*\\.jar"))
          .findFirst().map(Path::toAbsolutePath)
          .orElseThrow(() -> new IllegalStateException("No bare-engine jar in " + target
              + ": ./mvnw -Pbench verify builds it (or ./mvnw -q -f bench/bare-engine/pom.xml "
              + "package)"));
    } catch (NoSuchFileException e) {
      throw new IllegalStateException("Not built: " + target + " (./mvnw -q -f "
          + "bench/bare-engine/pom.xml package)", e);
    }
  }

  /** How many variables a finished instance of the process keeps, and their values' size. */
  private static String variablesPerCase(BenchServer server, String processKey)
      throws Exception {
    try (Connection connection = server.connect(CAREFLOW_DB);
        PreparedStatement query = connection.prepareStatement("""
            SELECT COUNT(*)::float / NULLIF(COUNT(DISTINCT v.proc_inst_id_), 0),
              SUM(COALESCE(octet_length(v.text_), 0) + COALESCE(octet_length(b.bytes_), 0)
                + CASE WHEN v.long_ IS NOT NULL OR v.double_ IS NOT NULL THEN 8 ELSE 0 END)
                ::float / NULLIF(COUNT(DISTINCT v.proc_inst_id_), 0)
            FROM act_hi_varinst v LEFT JOIN act_ge_bytearray b ON b.id_ = v.bytearray_id_
            WHERE v.proc_def_key_ = ?""")) {
      query.setString(1, processKey);
      try (ResultSet row = query.executeQuery()) {
        row.next();
        return "%.1f variables, %.0f bytes of values".formatted(row.getDouble(1),
            row.getDouble(2));
      }
    }
  }

  /** W1, W0 on, W0 off at each concurrency, in that order. */
  private static List<LifecycleRuns.Result> sorted(List<LifecycleRuns.Result> runs) {
    List<String> order = List.of(LifecycleReport.W1, LifecycleReport.W0_ON,
        LifecycleReport.W0_OFF);
    return runs.stream().sorted(Comparator
        .comparingInt((LifecycleRuns.Result run) -> run.load().concurrency())
        .thenComparingInt(run -> order.indexOf(run.workload()))).toList();
  }

  private String size() {
    return ("%d cases per workload and concurrency %s, after %d of W1 and of W0 at c=4 to warm "
        + "up (%d of W0 for the application without authorization); intake %d requests per door "
        + "and concurrency %s, after as many at c=4; %d alternating restarts each")
        .formatted(cases, concurrency, warmup, 2 * warmup + cases, intakes, intakeConcurrency,
            starts);
  }

  private static List<Integer> levels(String property, String defaults) {
    return Arrays.stream(System.getProperty(property, defaults).split(","))
        .map(String::strip).map(Integer::parseInt).toList();
  }
}
