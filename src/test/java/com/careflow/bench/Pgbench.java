package com.careflow.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The database's own ceiling: pgbench's TPC-B-like transactions per second on the same server.
 * pgbench comes from the extracted embedded PostgreSQL if it has one (zonky's binaries have
 * not), else from Debian's PostgreSQL ({@code /usr/lib/postgresql/N/bin}), else from the PATH.
 */
final class Pgbench {

  private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+)");

  /** What pgbench measured, or why it could not. */
  record Result(Optional<Double> tps, String how) {}

  private Pgbench() {}

  static Result run(BenchServer server, String database, int scale, int clients, int seconds)
      throws IOException, InterruptedException {
    Optional<Path> pgbench = find();
    if (pgbench.isEmpty()) {
      return new Result(Optional.empty(), "no pgbench found (embedded binaries, "
          + "/usr/lib/postgresql/*/bin, PATH): install postgresql-contrib or postgresql-client");
    }
    String[] connection = {"-h", server.host(), "-p", String.valueOf(server.port()), "-U",
        server.user()};
    run(pgbench.get(), server, concat(List.of("-i", "-q", "-s", String.valueOf(scale)),
        connection, database));
    String output = run(pgbench.get(), server, concat(List.of("-n", "-c",
        String.valueOf(clients), "-j", String.valueOf(Math.min(clients, 2)), "-T",
        String.valueOf(seconds)), connection, database));
    Matcher tps = TPS.matcher(output);
    if (!tps.find()) {
      throw new IllegalStateException("pgbench printed no tps:\n" + output);
    }
    return new Result(Optional.of(Double.parseDouble(tps.group(1))), pgbench.get()
        + " -c " + clients + " -j " + Math.min(clients, 2) + " -T " + seconds + " (scale "
        + scale + ", TPC-B-like)");
  }

  private static List<String> concat(List<String> options, String[] connection,
      String database) {
    List<String> all = new ArrayList<>(options);
    all.addAll(List.of(connection));
    all.add(database);
    return all;
  }

  private static String run(Path pgbench, BenchServer server, List<String> arguments)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(pgbench.toString()));
    command.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("PGPASSWORD", server.password());
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
    }
    return output;
  }

  static Optional<Path> find() throws IOException {
    List<Path> candidates = new ArrayList<>();
    Path embedded = Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg");
    if (Files.isDirectory(embedded)) {
      try (Stream<Path> dirs = Files.list(embedded)) {
        dirs.map(dir -> dir.resolve("bin").resolve("pgbench")).forEach(candidates::add);
      }
    }
    Path debian = Path.of("/usr/lib/postgresql");
    if (Files.isDirectory(debian)) {
      try (Stream<Path> majors = Files.list(debian)) {
        majors.sorted(Comparator.reverseOrder())
            .map(dir -> dir.resolve("bin").resolve("pgbench")).forEach(candidates::add);
      }
    }
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!dir.isBlank()) {
        candidates.add(Path.of(dir, "pgbench"));
      }
    }
    return candidates.stream().filter(Files::isExecutable).findFirst();
  }
}
