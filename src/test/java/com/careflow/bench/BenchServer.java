package com.careflow.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The PostgreSQL server every part of the benchmark runs on: an embedded PostgreSQL (zonky,
 * the major of docker-compose.yml) started here, or the server of {@code bench.jdbcUrl}
 * ({@code bench.jdbcUser}, {@code bench.jdbcPassword}; the user creates databases). The
 * benchmark keeps each application in a database of its own on it.
 */
final class BenchServer implements AutoCloseable {

  private static final Pattern URL = Pattern.compile(
      "jdbc:postgresql://([^:/]+)(?::(\\d+))?/([^?]*)(\\?.*)?");

  private final EmbeddedPostgres embedded;
  private final Path data;
  private final String host;
  private final int port;
  private final String adminDatabase;
  private final String parameters;
  private final String user;
  private final String password;
  private final String description;

  private BenchServer(EmbeddedPostgres embedded, Path data, String url, String user,
      String password, String description) {
    Matcher parts = URL.matcher(url);
    if (!parts.matches()) {
      throw new IllegalArgumentException("Not a jdbc:postgresql://host:port/database URL: " + url);
    }
    this.embedded = embedded;
    this.data = data;
    this.host = parts.group(1);
    this.port = parts.group(2) == null ? 5432 : Integer.parseInt(parts.group(2));
    this.adminDatabase = parts.group(3).isEmpty() ? "postgres" : parts.group(3);
    this.parameters = parts.group(4) == null ? "" : parts.group(4);
    this.user = user;
    this.password = password;
    this.description = description;
  }

  /**
   * The server of {@code bench.jdbcUrl} if given, else an embedded one started now, with
   * durable commits as production has them (fsync and synchronous_commit on; zonky turns both
   * off; {@code bench.durableCommits=false} leaves them off).
   */
  static BenchServer start() throws IOException {
    String url = System.getProperty("bench.jdbcUrl", "");
    if (!url.isBlank()) {
      return new BenchServer(null, null, url, System.getProperty("bench.jdbcUser", "postgres"),
          System.getProperty("bench.jdbcPassword", "postgres"), "given by bench.jdbcUrl");
    }
    String durable = Boolean.parseBoolean(System.getProperty("bench.durableCommits", "true"))
        ? "on" : "off";
    Path data = Path.of("target", "bench", "postgres-" + System.nanoTime()).toAbsolutePath();
    Files.createDirectories(data.getParent());
    EmbeddedPostgres postgres = EmbeddedPostgres.builder()
        .setDataDirectory(data).setCleanDataDirectory(true)
        .setServerConfig("shared_buffers", "256MB")
        .setServerConfig("max_wal_size", "2GB")
        .setServerConfig("fsync", durable)
        .setServerConfig("synchronous_commit", durable)
        .setPGStartupWait(Duration.ofSeconds(60)).start();
    return new BenchServer(postgres, data, postgres.getJdbcUrl("postgres", "postgres"),
        "postgres", "postgres", "embedded");
  }

  String jdbcUrl(String database) {
    return "jdbc:postgresql://" + host + ":" + port + "/" + database + parameters;
  }

  String host() {
    return host;
  }

  int port() {
    return port;
  }

  String user() {
    return user;
  }

  String password() {
    return password;
  }

  String description() {
    return description;
  }

  Connection connect(String database) throws SQLException {
    return DriverManager.getConnection(jdbcUrl(database), user, password);
  }

  /** An empty database of this name (dropped first if a former run left it). */
  void recreate(String database) throws SQLException {
    try (Connection connection = connect(adminDatabase);
        Statement statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
      statement.execute("CREATE DATABASE " + database);
    }
  }

  /** Transactions committed in the database so far (pg_stat_database; lags ≤ ~1 s). */
  long commits(String database) throws SQLException {
    try (Connection connection = connect(adminDatabase);
        PreparedStatement query = connection.prepareStatement(
            "SELECT xact_commit FROM pg_stat_database WHERE datname = ?")) {
      query.setString(1, database);
      try (ResultSet row = query.executeQuery()) {
        return row.next() ? row.getLong(1) : 0;
      }
    }
  }

  /**
   * The next transaction id of the whole server: how many transactions wrote something so far.
   * Exact at once, unlike pg_stat_database; read-only transactions get none.
   */
  long nextTransactionId() throws SQLException {
    try (Connection connection = connect(adminDatabase);
        ResultSet row = connection.createStatement().executeQuery(
            "SELECT pg_snapshot_xmax(pg_current_snapshot())::text::bigint")) {
      row.next();
      return row.getLong(1);
    }
  }

  /** The settings that decide what a commit costs, as the server runs them. */
  String settings() throws SQLException {
    try (Connection connection = connect(adminDatabase);
        ResultSet row = connection.createStatement().executeQuery("SELECT 'shared_buffers ' "
            + "|| current_setting('shared_buffers') || ', synchronous_commit ' "
            + "|| current_setting('synchronous_commit') || ', fsync ' "
            + "|| current_setting('fsync') || ', max_connections ' "
            + "|| current_setting('max_connections')")) {
      row.next();
      return row.getString(1);
    }
  }

  String version() throws SQLException {
    try (Connection connection = connect(adminDatabase);
        ResultSet row = connection.createStatement().executeQuery("SELECT version()")) {
      row.next();
      return row.getString(1);
    }
  }

  /**
   * The CPU time of the embedded server's processes alive now (the postmaster and its
   * backends, which the applications' connection pools keep); empty for a given server.
   */
  Optional<Duration> cpu() throws IOException {
    if (data == null) {
      return Optional.empty();
    }
    long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip());
    Optional<ProcessHandle> postmaster = ProcessHandle.of(pid);
    return postmaster.map(server -> Stream.concat(Stream.of(server), server.descendants())
        .map(process -> process.info().totalCpuDuration().orElse(Duration.ZERO))
        .reduce(Duration.ZERO, Duration::plus));
  }

  @Override
  public void close() throws IOException {
    if (embedded != null) {
      embedded.close();
    }
  }
}
