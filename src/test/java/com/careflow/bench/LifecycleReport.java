package com.careflow.bench;

import com.careflow.bench.Figure.Goal;
import com.careflow.bench.IntakeRuns.Door;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The engine lifecycle benchmark's report: the summary of figures and goals (printed, and at
 * the top of {@code target/bench/report.md}), the details behind each, and the summary's ratios
 * as {@code target/bench/report.svg}.
 */
final class LifecycleReport {

  static final String W1 = "W1 complaint lifecycle";
  static final String W0_ON = "W0 baseline, authorization on";
  static final String W0_OFF = "W0 baseline, authorization off";

  /** Everything one run measured. */
  record Inputs(Machine machine, String databaseVersion, String databaseSetup, String size,
      List<LifecycleRuns.Result> lifecycles, Map<String, String> variablesPerCase,
      List<IntakeRuns.Result> intakes, Pgbench.Result pgbench, StartupRace.Result startup,
      Duration careflowFirstStart) {}

  private final Inputs in;
  private final List<Figure> figures;

  LifecycleReport(Inputs in) {
    this.in = in;
    this.figures = computeFigures();
  }

  private List<Figure> computeFigures() {
    List<Figure> list = new ArrayList<>();
    for (int c : concurrencies()) {
      double w1 = lifecycle(W1, c).casesPerSecond();
      list.add(Figure.ratio("W1 / W0 no authorization, c=" + c + " (cases/s)", w1,
          lifecycle(W0_OFF, c).casesPerSecond(), "%.2f", Goal.atLeast(0.8)));
      list.add(Figure.ratio("W1 / W0 with authorization, c=" + c + " (cases/s)", w1,
          lifecycle(W0_ON, c).casesPerSecond(), "%.2f", null));
    }
    for (int c : intakeConcurrencies()) {
      IntakeRuns.Result api = intake(Door.API, c);
      IntakeRuns.Result rest = intake(Door.ENGINE_REST, c);
      list.add(Figure.ratio("W2 intake / engine-rest start, c=" + c + " (req/s)",
          api.load().perSecond(), rest.load().perSecond(), "%.1f", Goal.atLeast(0.9)));
      list.add(Figure.ratio("W2 intake / engine-rest start, c=" + c + " (p95 ms)",
          api.latency().p95(), rest.latency().p95(), "%.1f", null));
    }
    for (IntakeRuns.Result paced : in.intakes()) {
      if (paced.paced() && paced.door() == Door.API) {
        double p95 = paced.latency().p95();
        String label = String.format("W2 intake p95, %d agents sustained, each pausing ~%.1f s "
            + "(%.1f req/s in all) (ms)", paced.load().concurrency(),
            paced.meanPauseMillis() / 1000.0, paced.load().perSecond());
        list.add(new Figure(label, "%.1f".formatted(p95), "–", Double.NaN,
            Goal.atMost(300, " ms"), p95));
      }
    }
    double commits = in.lifecycles().stream().filter(run -> run.workload().equals(W1))
        .mapToDouble(LifecycleReport::commitsPerSecond).max().orElse(Double.NaN);
    Optional<Double> tps = in.pgbench().tps();
    list.add(tps.isPresent()
        ? Figure.ratio("CareFlow commits/s in W1 (best level) / pgbench tps", commits, tps.get(),
            "%.0f", Goal.atLeast(0.5))
        : new Figure("CareFlow commits/s in W1 (best level) / pgbench tps",
            "%.0f".formatted(commits), "no pgbench", Double.NaN, Goal.atLeast(0.5), Double.NaN));
    list.add(Figure.ratio("startup, median of " + in.startup().careflow().size() + " (s)",
        StartupRace.Result.medianSeconds(in.startup().careflow()),
        StartupRace.Result.medianSeconds(in.startup().bare()), "%.1f", Goal.atMost(1.2, "")));
    return list;
  }

  /** The summary as a Markdown table. */
  String summary() {
    StringBuilder md = new StringBuilder("| figure | CareFlow | baseline | ratio | goal | met |\n")
        .append("|---|---:|---:|---:|---|---|\n");
    for (Figure figure : figures) {
      md.append("| ").append(figure.name()).append(" | ").append(figure.careflow())
          .append(" | ").append(figure.baseline()).append(" | ").append(figure.ratioText())
          .append(" | ").append(figure.hasGoal() ? figure.goal().text() : "–").append(" | ")
          .append(figure.metText()).append(" |\n");
    }
    return md.toString();
  }

  List<String> missedGoals() {
    return figures.stream().filter(Figure::hasGoal).filter(figure -> !figure.met())
        .map(Figure::name).toList();
  }

  void write(Path folder) throws IOException {
    Files.createDirectories(folder);
    Files.writeString(folder.resolve("report.svg"), BarChart.svg(
        "CareFlow against its baselines (ratio; the black mark is the goal)", figures));
    Files.writeString(folder.resolve("report.md"), markdown());
  }

  private String markdown() {
    StringBuilder md = new StringBuilder("# Engine lifecycle benchmark (issue 18)\n\n");
    md.append("Measured ").append(Instant.now()).append(" by `LifecycleBench`; ")
        .append(in.size()).append(".\n\n");
    md.append("- Machine: ").append(in.machine().describe()).append('\n');
    md.append("- JVM: ").append(in.machine().jvm()).append(" (the applications: packaged jars, ")
        .append("-Xmx512m; the client: the Failsafe JVM, on the same machine)\n");
    md.append("- PostgreSQL: ").append(in.databaseVersion()).append(" (")
        .append(in.databaseSetup()).append(")\n\n");
    md.append("## Summary\n\n").append(summary()).append("\n![ratios](report.svg)\n\n");
    lifecycleTables(md);
    intakeTable(md);
    databaseSection(md);
    startupSection(md);
    return md.toString();
  }

  private void lifecycleTables(StringBuilder md) {
    md.append("## W1 and W0, per concurrency\n\n")
        .append("Cases/s count from the first start to the last case over (a complaint CLOSED ")
        .append("in the register, after its asynchronous archive step). Per case: the HTTP ")
        .append("calls the client made (in brackets: the empty lists while an asynchronous step ")
        .append("ran), the database's commits (pg_stat_database: every transaction of the ")
        .append("application, its job executor and this client's checks; it lags up to about ")
        .append("a second per backend) and of them those that wrote (transaction ids, exact), ")
        .append("and CPU time of the application / PostgreSQL / this client / everything else ")
        .append("on the machine (another build running shows here).\n\n")
        .append("| workload | c | cases | s | cases/s | HTTP calls/case | commits/case ")
        .append("| writing/case | commits/s | CPU ms/case app / PG / client / other |\n")
        .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (LifecycleRuns.Result run : in.lifecycles()) {
      Load.Result load = run.load();
      Gauges.Reading used = load.used();
      md.append(String.format("| %s | %d | %d | %.1f | %.2f | %.1f (%.1f) | %.0f | %.0f | %.0f "
              + "| %s |%n", run.workload(), load.concurrency(), load.count(), load.seconds(),
          run.casesPerSecond(), load.perUnit(used.requests()), load.perUnit(run.emptyLists()),
          load.perUnit(used.commits()), load.perUnit(used.writes()), commitsPerSecond(run),
          cpu(load)));
    }
    md.append("\nVariables per case (Camunda's history, its process alone): ");
    md.append(in.variablesPerCase().entrySet().stream().map(entry -> entry.getKey() + " "
        + entry.getValue()).collect(Collectors.joining("; "))).append(".\n\n");
    md.append(timings("Steps", "from the first list of its task to its form submitted (the ",
        "wait for an asynchronous step before it included); start: W1 `POST /api/complaints`, "
            + "W0 `POST /engine-rest/process-definition/key/bench-linear/start`",
        run -> run.steps()));
    md.append(timings("Calls", "each HTTP call of the steps, by kind", "",
        run -> run.calls()));
  }

  private String timings(String title, String what, String more,
      Function<LifecycleRuns.Result, Map<String, Stats>> of) {
    Set<String> names = new LinkedHashSet<>();
    in.lifecycles().forEach(run -> names.addAll(of.apply(run).keySet()));
    StringBuilder md = new StringBuilder("### " + title + ": p50 / p95 ms\n\n" + title
        + ": " + what + more + ".\n\n| workload | c |");
    names.forEach(name -> md.append(' ').append(name).append(" |"));
    md.append("\n|---|---:|").append("---:|".repeat(names.size())).append('\n');
    for (LifecycleRuns.Result run : in.lifecycles()) {
      md.append("| ").append(run.workload()).append(" | ").append(run.load().concurrency())
          .append(" |");
      for (String name : names) {
        Stats stats = of.apply(run).get(name);
        md.append(stats == null ? " – |" : String.format(" %.0f / %.0f |", stats.p50(),
            stats.p95()));
      }
      md.append('\n');
    }
    return md.append('\n').toString();
  }

  private void intakeTable(StringBuilder md) {
    md.append("## W2 intake\n\nThe same contact: `POST /api/complaints` (201), and ")
        .append("`POST /engine-rest/process-definition/key/complaint-handling/start` with the ")
        .append("start form's values (200; CareFlow's RegisterContact numbers and registers ")
        .append("it in the same transaction), by the workers' agents.\n\n")
        .append("Back to back (pause 0): each agent sends the next as soon as the last is ")
        .append("answered, the machine's ceiling; paced: each agent pauses a random time of ")
        .append("that mean between contacts, as people at work do.\n\n")
        .append("| door | c | pause ms | requests | s | req/s | p50 ms | p95 ms | max ms ")
        .append("| commits/req | writing/req | CPU ms/req app / PG / client / other |\n")
        .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (IntakeRuns.Result run : in.intakes()) {
      Load.Result load = run.load();
      md.append(String.format("| %s | %d | %d | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f "
              + "| %.1f | %s |%n", run.door().label, load.concurrency(), run.meanPauseMillis(),
          load.count(), load.seconds(),
          load.perSecond(), run.latency().p50(), run.latency().p95(), run.latency().max(),
          load.perUnit(load.used().commits()), load.perUnit(load.used().writes()), cpu(load)));
    }
    md.append('\n');
  }

  private void databaseSection(StringBuilder md) {
    md.append("## Database ceiling\n\n");
    md.append(in.pgbench().tps().map(tps -> "pgbench: **%.0f tps** (%s), on the same server, "
        .formatted(tps, in.pgbench().how()) + "with nothing else running.")
        .orElse("pgbench: not measured: " + in.pgbench().how() + "."));
    md.append(" CareFlow's commits/s during W1: ");
    md.append(in.lifecycles().stream().filter(run -> run.workload().equals(W1))
        .map(run -> "c=%d %.0f".formatted(run.load().concurrency(), commitsPerSecond(run)))
        .collect(Collectors.joining(", ")));
    md.append(". pgbench's transactions each write three rows and insert one; most of ")
        .append("CareFlow's commits are small reads (sign-in, Camunda's authorization ")
        .append("checks). pg_stat_database counts lag up to about a second per backend.\n\n");
  }

  private void startupSection(StringBuilder md) {
    md.append("## Startup\n\nFrom the process start to `/actuator/health/readiness` UP ")
        .append("(the database included), polled every 100 ms; packaged jars, -Xmx512m, each ")
        .append("on its own database of the same server, alternating, CareFlow first. ")
        .append("CareFlow restarts on the database the workloads used; the bare application ")
        .append("(`bench/bare-engine`: Camunda's webapp and REST starters, nothing else) on ")
        .append("its own.\n\n| application | first start (new database) | restarts | median |\n")
        .append("|---|---:|---|---:|\n");
    md.append(String.format("| CareFlow | %.1f s | %s | %.1f s |%n",
        in.careflowFirstStart().toMillis() / 1e3, seconds(in.startup().careflow()),
        StartupRace.Result.medianSeconds(in.startup().careflow())));
    md.append(String.format("| bare Camunda | %.1f s | %s | %.1f s |%n",
        in.startup().bareFirst().toMillis() / 1e3, seconds(in.startup().bare()),
        StartupRace.Result.medianSeconds(in.startup().bare())));
  }

  private static String cpu(Load.Result load) {
    Gauges.Reading used = load.used();
    return "%.0f / %.0f / %.0f / %.0f".formatted(load.perUnit(used.appCpuMs()),
        load.perUnit(used.databaseCpuMs()), load.perUnit(used.clientCpuMs()),
        load.perUnit(used.otherCpuMs()));
  }

  private static String seconds(List<Duration> starts) {
    return starts.stream().map(start -> "%.1f".formatted(start.toMillis() / 1e3))
        .collect(Collectors.joining(", ")) + " s";
  }

  static double commitsPerSecond(LifecycleRuns.Result run) {
    return run.load().used().commits() / run.load().seconds();
  }

  private Set<Integer> concurrencies() {
    return in.lifecycles().stream().map(run -> run.load().concurrency())
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  private Set<Integer> intakeConcurrencies() {
    return in.intakes().stream().filter(run -> !run.paced())
        .map(run -> run.load().concurrency())
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  private LifecycleRuns.Result lifecycle(String workload, int concurrency) {
    return in.lifecycles().stream().filter(run -> run.workload().equals(workload)
            && run.load().concurrency() == concurrency).findFirst()
        .orElseThrow(() -> new IllegalStateException("No " + workload + " at c=" + concurrency));
  }

  private IntakeRuns.Result intake(Door door, int concurrency) {
    return in.intakes().stream().filter(run -> run.door() == door && !run.paced()
            && run.load().concurrency() == concurrency).findFirst()
        .orElseThrow(() -> new IllegalStateException("No " + door + " at c=" + concurrency));
  }
}
