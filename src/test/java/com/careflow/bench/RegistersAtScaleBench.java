package com.careflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.careflow.support.BasicAuth;
import com.careflow.support.PackagedApp;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Registers at scale (issue 17, item 5): a measuring tool, not a timed unit test. Its name ends
 * in neither Test nor IT, so the normal runs skip it; {@code ./mvnw -Pbench-registers verify}
 * runs it against the packaged jar (postgres profile, embedded PostgreSQL 16).
 *
 * <p>It seeds the registers with SQL bulk inserts (no engine), then times the register
 * endpoints as a manager and HR read them, first without the indexes of the newest migration
 * that adds them ({@code bench.migration}, default V17) and then with them, and writes
 * {@code target/bench/registers.md}. System properties: {@code bench.complaints} (1 000 000),
 * {@code bench.returns} (200 000), {@code bench.employees} (5 000), {@code bench.closedInMonth}
 * (80 000, scaled down with the complaints), {@code bench.requests} (100 per endpoint),
 * {@code bench.reportRequests} (20), {@code bench.warmup} (20), {@code bench.before} (true:
 * measure without the migration's indexes first), {@code bench.checkGoals} (false: true fails
 * when a goal is missed).
 */
class RegistersAtScaleBench {

  private static final String ADMIN_PASSWORD = "Bench-heron-7731-kite";
  private static final String MANAGER = BasicAuth.header("benchmanager", "Bench-manager-pass-1");
  private static final String HR = BasicAuth.header("benchhr", "Bench-hr-pass-1");
  /** The month whose closings the monthly report reads; the seed closes ~80 000 cases in it. */
  static final String REPORT_MONTH = "2026-10";
  private static final long PAGE_GOAL_MS = 50;
  private static final long REPORT_GOAL_MS = 2000;

  private final int complaints = Integer.getInteger("bench.complaints", 1_000_000);
  private final int returns = Integer.getInteger("bench.returns", 200_000);
  private final int employees = Integer.getInteger("bench.employees", 5_000);
  private final int closedInMonth = Integer.getInteger("bench.closedInMonth",
      (int) Math.round(complaints * 0.042));
  private final int requests = Integer.getInteger("bench.requests", 100);
  private final int reportRequests = Integer.getInteger("bench.reportRequests", 20);
  private final int warmup = Integer.getInteger("bench.warmup", 20);
  private final boolean before = Boolean.parseBoolean(System.getProperty("bench.before", "true"));
  private final boolean checkGoals = Boolean.getBoolean("bench.checkGoals");
  private final String migration = System.getProperty("bench.migration", "V17");

  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(10)).build();

  /** One endpoint's timings. */
  record Row(String phase, String endpoint, double p50, double p95, double max, long goal,
      int samples) {
    boolean met() {
      return p95 < goal;
    }
  }

  /** One endpoint to time: its path for the i-th request, who reads it, its goal. */
  record Endpoint(String name, IntFunction<String> path, String auth, long goal, int count) {}

  @Test
  void registersAtScale() throws Exception {
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
        .setServerConfig("max_wal_size", "4GB")
        .setServerConfig("shared_buffers", "256MB")
        .setPGStartupWait(Duration.ofSeconds(60)).start()) {
      Map<String, String> environment = new HashMap<>();
      environment.put("SPRING_PROFILES_ACTIVE", "postgres");
      environment.put("SPRING_DATASOURCE_URL", postgres.getJdbcUrl("postgres", "postgres"));
      environment.put("SPRING_DATASOURCE_USERNAME", "postgres");
      environment.put("SPRING_DATASOURCE_PASSWORD", "postgres");
      environment.put("CAMUNDA_BPM_ADMINUSER_PASSWORD", ADMIN_PASSWORD);
      environment.put("SPRING_MAIL_HOST", "localhost");
      try (PackagedApp app = new PackagedApp(PackagedApp.workDir("bench"), environment,
          "bench-registers").start()) {
        BenchAdmin admin = new BenchAdmin(new BenchHttp(app.port()), ADMIN_PASSWORD);
        admin.createUser("benchmanager", "Bench-manager-pass-1", "cs-managers");
        admin.createUser("benchhr", "Bench-hr-pass-1", "hr");
        // every endpoint answers its reader before the long seeding starts
        for (Endpoint endpoint : endpoints(List.of())) {
          if (!endpoint.name().contains("{number}")) {
            get(app, endpoint, 0);
          }
        }
        Instant seeding = Instant.now();
        Map<String, Long> counts = seed(postgres);
        Duration seeded = Duration.between(seeding, Instant.now());
        List<String> numbers = sampleNumbers(postgres);
        List<Endpoint> endpoints = endpoints(numbers);

        List<Row> rows = new ArrayList<>();
        List<String> created = migrationIndexes();
        if (before && !created.isEmpty()) {
          execute(postgres, created.stream().map(sql -> "DROP INDEX IF EXISTS "
              + indexName(sql)).toList());
          execute(postgres, List.of("ANALYZE"));
          rows.addAll(measure(app, endpoints, "before " + migration));
          execute(postgres, created);
          execute(postgres, List.of("VACUUM ANALYZE"));
        }
        rows.addAll(measure(app, endpoints, created.isEmpty() ? "current" : "with " + migration));
        write(postgres, rows, counts, seeded);
        if (checkGoals) {
          String after = rows.get(rows.size() - 1).phase();
          assertThat(rows.stream().filter(row -> row.phase().equals(after))
              .filter(row -> !row.met()).map(Row::endpoint).toList())
              .as("endpoints whose p95 misses its goal; see target/bench/registers.md")
              .isEmpty();
        }
      }
    }
  }

  private List<Endpoint> endpoints(List<String> numbers) {
    List<Endpoint> list = new ArrayList<>();
    String c = "/api/complaints";
    list.add(page("complaints, newest first", i -> c));
    list.add(page("complaints status=OPEN", i -> c + "?status=OPEN"));
    list.add(page("complaints status=CLOSED", i -> c + "?status=CLOSED"));
    list.add(page("complaints category=SERVICE_CONDUCT", i -> c + "?category=SERVICE_CONDUCT"));
    list.add(page("complaints type=SUGGESTION", i -> c + "?type=SUGGESTION"));
    list.add(page("complaints overdue=true", i -> c + "?overdue=true"));
    list.add(page("complaints from/to (one month)", i -> c + "?from=2026-06-01&to=2026-06-30"));
    list.add(page("complaints status+category+from/to",
        i -> c + "?status=CLOSED&category=PRODUCT_QUALITY&from=2026-01-01&to=2026-03-31"));
    list.add(page("complaints page 1..50, size 50", i -> c + "?size=50&page=" + (1 + i % 50)));
    list.add(page("complaint /{number}", i -> c + "/" + numbers.get(i % numbers.size())));
    list.add(new Endpoint("report monthly?month=" + REPORT_MONTH,
        i -> "/api/reports/complaints/monthly?month=" + REPORT_MONTH, MANAGER, REPORT_GOAL_MS,
        reportRequests));
    list.add(new Endpoint("employees (list)", i -> "/api/employees", HR, PAGE_GOAL_MS, requests));
    list.add(new Endpoint("employees status=REGULAR&department=sales",
        i -> "/api/employees?status=REGULAR&department=sales", HR, PAGE_GOAL_MS, requests));
    return list;
  }

  private Endpoint page(String name, IntFunction<String> path) {
    return new Endpoint(name, path, MANAGER, PAGE_GOAL_MS, requests);
  }

  private List<Row> measure(PackagedApp app, List<Endpoint> endpoints, String phase)
      throws Exception {
    List<Row> rows = new ArrayList<>();
    for (Endpoint endpoint : endpoints) {
      int warm = endpoint.goal() == REPORT_GOAL_MS ? Math.min(warmup, 3) : warmup;
      for (int i = 0; i < warm; i++) {
        get(app, endpoint, i);
      }
      double[] millis = new double[endpoint.count()];
      for (int i = 0; i < millis.length; i++) {
        long start = System.nanoTime();
        get(app, endpoint, warm + i);
        millis[i] = (System.nanoTime() - start) / 1e6;
      }
      Arrays.sort(millis);
      Row row = new Row(phase, endpoint.name(), Stats.percentile(millis, 50),
          Stats.percentile(millis, 95), millis[millis.length - 1], endpoint.goal(), millis.length);
      System.out.printf("[bench] %-12s %-45s p50 %8.1f  p95 %8.1f  max %8.1f ms%n", phase,
          row.endpoint(), row.p50(), row.p95(), row.max());
      rows.add(row);
    }
    return rows;
  }

  private void get(PackagedApp app, Endpoint endpoint, int i) throws Exception {
    String path = endpoint.path().apply(i);
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(app.uri(path))
        .timeout(Duration.ofSeconds(120)).header("Authorization", endpoint.auth())
        .header("Accept", "application/json").build(), BodyHandlers.ofString());
    assertThat(response.statusCode()).as(path + ": " + abbreviated(response.body()))
        .isEqualTo(200);
  }

  private static String abbreviated(String body) {
    return body.length() > 500 ? body.substring(0, 500) + "…" : body;
  }

  // ---------------------------------------------------------------------------------- seeding

  private Map<String, Long> seed(EmbeddedPostgres postgres) throws Exception {
    int regular = Math.max(0, complaints - closedInMonth);
    List<String> sql = new ArrayList<>();
    sql.add("SET synchronous_commit = off");
    sql.add("SELECT setseed(0.17)");
    // 5 000 employees over eight departments, hired from 2020 on; one in ten has left
    sql.add(("""
        INSERT INTO employee (id, period, serial, user_id, name, email, department, position, grade,
          pay_level, status, start_date, probation_months, probation_ends_on, on_duty_since,
          regular_since, grade_since, left_on, hired_at, hired_by, active_user_id)
        SELECT 'EM-' || to_char(h, 'YYMM') || '-' || lpad(j::text, 4, '0'), to_char(h, 'YYMM'), j,
          'emp' || j, 'Employee ' || j, 'emp' || j || '@example.com',
          (ARRAY['customer-service','sales','quality','rnd','warehouse','finance','hr',
                 'management-office'])[1 + j %% 8],
          (ARRAY['agent','engineer','clerk','inspector','lead'])[1 + j %% 5],
          1 + j %% 6, 1 + j %% 5,
          CASE WHEN j %% 10 = 0 THEN 'LEFT' WHEN j > %1$d - 150 THEN 'PROBATION' ELSE 'REGULAR' END,
          h::date, 3, (h + interval '3 months')::date, h::date,
          CASE WHEN j <= %1$d - 150 THEN (h + interval '3 months')::date END,
          (h + interval '3 months')::date,
          CASE WHEN j %% 10 = 0 THEN (h + interval '400 days')::date END,
          h, 'hr1', CASE WHEN j %% 10 = 0 THEN NULL ELSE 'emp' || j END
        FROM (SELECT j, timestamp '2020-01-01' + j * (interval '52560 hours' / %1$d) AS h
              FROM generate_series(1, %1$d) j) e""").formatted(employees));
    // complaints registered evenly over the 24 months to 2026-11-30; closed 2 to 40 days later
    // unless registered in the last weeks; plus a backlog closed in October 2026
    sql.add(complaintInsert(regular, 0, "timestamptz '2024-12-01 00:00+08'",
        "interval '730 days'", "registered + (2 + floor(random() * 38)) * interval '1 day' "
            + "+ random() * interval '8 hours'", "0.93"));
    sql.add(complaintInsert(closedInMonth, regular, "timestamptz '2026-08-01 00:00+08'",
        "interval '61 days'",
        "timestamptz '2026-10-01 00:00+08' + random() * interval '30 days 23 hours'", "1.0"));
    // returns, one in three from a complaint
    sql.add(("""
        INSERT INTO product_return (number, period, serial, complaint_number, customer_name,
          customer_phone, customer_region, order_number, product_batch, shipped_on, claimed_on,
          description, claimed_quantity, requested_at, requested_by, process_instance_id, status,
          defect_type, decision, handling, approved_quantity, unit_price, booked_quantity,
          settlement_amount, closed_at)
        SELECT 'RT-' || to_char(r AT TIME ZONE INTERVAL '+08:00', 'YYMM') || '-'
            || lpad(k::text, 7, '0'),
          to_char(r AT TIME ZONE INTERVAL '+08:00', 'YYMM'), k,
          CASE WHEN k %% 3 = 0 THEN (SELECT 'CP-' || to_char(c AT TIME ZONE INTERVAL '+08:00', 'YYMM')
              || '-' || lpad(n::text, 7, '0') FROM (SELECT 1 + (k * 7) %% %2$d AS n) x,
              LATERAL (SELECT timestamptz '2024-12-01 00:00+08'
                  + (n - 1) * (interval '730 days' / %2$d) AS c) y) END,
          'Customer R' || k, '138' || lpad((k %% 100000000)::text, 8, '0'),
          CASE WHEN k %% 7 = 0 THEN 'FOREIGN' ELSE 'DOMESTIC' END,
          'SO-' || k, 'B-' || (k %% 900), (r - interval '20 days')::date, r::date,
          'Returned goods: ' || repeat('damaged in transit, ', 4), 1 + k %% 40, r, 'agent' || k %% 50,
          'bench-' || k,
          CASE WHEN r > timestamptz '2026-11-10 00:00+08' THEN 'OPEN'
               WHEN k %% 5 = 0 THEN 'REJECTED' ELSE 'SETTLED' END,
          (ARRAY['QUALITY','TRANSPORT','STORAGE'])[1 + k %% 3],
          CASE WHEN k %% 5 = 0 THEN 'REJECTED' ELSE 'ACCEPTED' END,
          CASE WHEN k %% 4 = 0 THEN 'EXCHANGE' ELSE 'REFUND' END,
          1 + k %% 40, 12.50, 1 + k %% 40, (1 + k %% 40) * 12.50,
          CASE WHEN r <= timestamptz '2026-11-10 00:00+08' THEN r + interval '15 days' END
        FROM (SELECT k, timestamptz '2024-12-01 00:00+08' + (k - 1) * (interval '730 days' / %1$d)
              AS r FROM generate_series(1, %1$d) k) s""").formatted(returns,
        Math.max(regular, 1)));
    sql.add("VACUUM ANALYZE");
    execute(postgres, sql);
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("complaints", count(postgres, "SELECT COUNT(*) FROM complaint"));
    counts.put("complaints OPEN", count(postgres,
        "SELECT COUNT(*) FROM complaint WHERE status = 'OPEN'"));
    counts.put("complaints overdue", count(postgres,
        "SELECT COUNT(*) FROM complaint WHERE overdue"));
    counts.put("complaints closed in " + REPORT_MONTH + " (Asia/Shanghai)", count(postgres,
        "SELECT COUNT(*) FROM complaint WHERE closed_at >= timestamptz '2026-10-01 00:00+08' "
            + "AND closed_at < timestamptz '2026-11-01 00:00+08'"));
    counts.put("returns", count(postgres, "SELECT COUNT(*) FROM product_return"));
    counts.put("employees", count(postgres, "SELECT COUNT(*) FROM employee"));
    return counts;
  }

  /**
   * {@code rows} complaints numbered after {@code offset}, registered evenly from {@code start}
   * over {@code span}; those closing ({@code closedShare} of them, and never after 2026-11-30)
   * close at {@code closedAt}.
   */
  private String complaintInsert(int rows, int offset, String start, String span,
      String closedAt, String closedShare) {
    if (rows <= 0) {
      return "SELECT 1";
    }
    return ("""
        INSERT INTO complaint (number, period, serial, complaint_type, channel, customer_name,
          customer_phone, customer_email, customer_address, customer_region, subject, description,
          order_number, product_batch, shipped_on, claimed_amount, resolved_on_first_contact,
          registered_at, registered_by, process_instance_id, status, category, complaint_valid,
          remedy, important, overdue, closed_late, handling_round, closed_at, retain_until,
          responsible_department, responsible_person, compensation_amount, satisfaction_attitude,
          satisfaction_skill, satisfaction_timeliness, satisfaction_promise)
        SELECT number, period, n, type, channel, 'Customer ' || n,
          '139' || lpad((n %% 100000000)::text, 8, '0'), 'c' || n || '@example.com',
          n || ' Harbour Road', CASE WHEN n %% 9 = 0 THEN 'FOREIGN' ELSE 'DOMESTIC' END,
          'Subject ' || n %% 1000,
          'The customer reports: ' || repeat('the goods arrived late and scratched; ', 3),
          'SO-' || n, 'B-' || n %% 900, (registered - interval '10 days')::date,
          CASE WHEN n %% 4 = 0 THEN 100 + n %% 900 END, type <> 'COMPLAINT',
          registered, 'agent' || n %% 50, 'bench-' || n,
          CASE WHEN closed IS NULL THEN 'OPEN' ELSE 'CLOSED' END,
          CASE WHEN type = 'COMPLAINT' AND (closed IS NOT NULL OR u1 < 0.7)
            THEN (ARRAY['PRODUCT_QUALITY','RETURN_REQUEST','SERVICE_CONDUCT','MISUNDERSTANDING',
                        'NON_QUALITY'])[1 + floor(u2 * 5)::int] END,
          CASE WHEN type = 'COMPLAINT' AND closed IS NOT NULL THEN u3 < 0.6 END,
          CASE WHEN closed IS NOT NULL AND type = 'COMPLAINT' THEN
            (ARRAY['REPAIR','REPLACEMENT','DISCOUNT','COMPENSATION','NONE'])[1 + n %% 5] END,
          u4 < 0.03, overdue, overdue AND u4 < 0.5, CASE WHEN u1 < 0.05 THEN 2 ELSE 1 END,
          closed, closed + interval '3 years',
          CASE WHEN closed IS NOT NULL AND type = 'COMPLAINT' AND u3 < 0.6 THEN
            (ARRAY['customer-service','sales','quality','rnd','warehouse'])[1 + n %% 5] END,
          CASE WHEN closed IS NOT NULL AND type = 'COMPLAINT' AND u3 < 0.5 THEN
            'EM-' || to_char(timestamp '2020-01-01' + e * (interval '52560 hours' / %6$d), 'YYMM')
            || '-' || lpad(e::text, 4, '0') END,
          CASE WHEN closed IS NOT NULL AND n %% 10 = 0 THEN 50 + n %% 450 END,
          CASE WHEN closed IS NOT NULL THEN rating END, CASE WHEN closed IS NOT NULL THEN rating END,
          CASE WHEN closed IS NOT NULL THEN rating END, CASE WHEN closed IS NOT NULL THEN rating END
        FROM (
          SELECT n, registered, to_char(registered AT TIME ZONE INTERVAL '+08:00', 'YYMM') AS period,
            'CP-' || to_char(registered AT TIME ZONE INTERVAL '+08:00', 'YYMM') || '-'
              || lpad(n::text, 7, '0') AS number,
            CASE WHEN t < 0.7 THEN 'COMPLAINT' WHEN t < 0.85 THEN 'CONSULTATION'
                 ELSE 'SUGGESTION' END AS type,
            (ARRAY['PHONE','WRITTEN','IN_PERSON','FORWARDED','ONLINE'])[1 + n %% 5] AS channel,
            CASE WHEN c < %5$s AND cl <= timestamptz '2026-11-30 12:00+08' THEN cl END AS closed,
            u1, u2, u3, u4, u4 < 0.08 AS overdue, 1 + (n::bigint * 7919) %% %6$d AS e,
            (ARRAY['VERY_SATISFIED','SATISFIED','SATISFIED','AVERAGE','POOR'])[1 + n %% 5] AS rating
          FROM (
            SELECT n, registered, random() AS t, random() AS c, random() AS u1, random() AS u2,
              random() AS u3, random() AS u4, %4$s AS cl
            FROM (SELECT n, %2$s + (n - %1$d - 1) * (%3$s / %7$d) AS registered
                  FROM generate_series(%1$d + 1, %1$d + %7$d) n) g) r) s""")
        .formatted(offset, start, span, closedAt, closedShare, Math.max(1, employees), rows);
  }

  private static void execute(EmbeddedPostgres postgres, List<String> statements)
      throws Exception {
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        long start = System.nanoTime();
        statement.execute(sql);
        System.out.printf("[bench] %6.1f s  %s%n", (System.nanoTime() - start) / 1e9,
            sql.strip().lines().findFirst().orElse(""));
      }
    }
  }

  private static long count(EmbeddedPostgres postgres, String sql) throws Exception {
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        ResultSet rows = connection.createStatement().executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static List<String> sampleNumbers(EmbeddedPostgres postgres) throws Exception {
    List<String> numbers = new ArrayList<>();
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        ResultSet rows = connection.createStatement().executeQuery(
            "SELECT number FROM complaint TABLESAMPLE SYSTEM (1) REPEATABLE (17) LIMIT 500")) {
      while (rows.next()) {
        numbers.add(rows.getString(1));
      }
    }
    if (numbers.isEmpty()) {
      try (Connection connection = postgres.getPostgresDatabase().getConnection();
          ResultSet rows = connection.createStatement().executeQuery(
              "SELECT number FROM complaint LIMIT 500")) {
        while (rows.next()) {
          numbers.add(rows.getString(1));
        }
      }
    }
    return numbers;
  }

  /** The CREATE INDEX statements of the migration under measure, as the jar's classes hold it. */
  private List<String> migrationIndexes() throws Exception {
    Path folder = Path.of("target", "classes", "db", "migration");
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      Path file = files.filter(f -> f.getFileName().toString().startsWith(migration + "__"))
          .findFirst().orElse(null);
      if (file == null) {
        return List.of();
      }
      String text = Files.readString(file).lines().filter(line -> !line.strip().startsWith("--"))
          .reduce("", (a, b) -> a + "\n" + b);
      return Arrays.stream(text.split(";")).map(String::strip)
          .filter(s -> s.toUpperCase().startsWith("CREATE INDEX")).toList();
    }
  }

  private static String indexName(String createIndex) {
    Matcher name = Pattern.compile("(?i)CREATE INDEX\\s+(?:CONCURRENTLY\\s+)?"
        + "(?:IF NOT EXISTS\\s+)?(\\S+)").matcher(createIndex);
    if (!name.find()) {
      throw new IllegalStateException("No index name in " + createIndex);
    }
    return name.group(1);
  }

  // ---------------------------------------------------------------------------------- report

  private void write(EmbeddedPostgres postgres, List<Row> rows, Map<String, Long> counts,
      Duration seeded) throws Exception {
    String version;
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        ResultSet result = connection.createStatement().executeQuery("SELECT version()")) {
      result.next();
      version = result.getString(1);
    }
    Machine machine = Machine.here();
    StringBuilder md = new StringBuilder("# Registers at scale\n\n");
    md.append("Measured ").append(Instant.now()).append(" by `RegistersAtScaleBench`.\n\n");
    md.append("- Machine: ").append(machine.describe()).append('\n');
    md.append("- JVM: ").append(machine.jvm()).append(" (the app: packaged jar, -Xmx512m)\n");
    md.append("- PostgreSQL: ").append(version)
        .append(" (embedded, shared_buffers 256MB)\n");
    md.append("- Seeded in ").append(seeded.toSeconds()).append(" s; requests per endpoint: ")
        .append(requests).append(" (report: ").append(reportRequests).append("), after ")
        .append(warmup).append(" to warm up; sequential, one client\n\n");
    md.append("| rows | count |\n|---|---:|\n");
    counts.forEach((name, value) -> md.append("| ").append(name).append(" | ").append(value)
        .append(" |\n"));
    md.append("\n| phase | endpoint | p50 ms | p95 ms | max ms | goal (p95) | met |\n")
        .append("|---|---|---:|---:|---:|---:|---|\n");
    for (Row row : rows) {
      md.append(String.format("| %s | %s | %.1f | %.1f | %.1f | < %d ms | %s |%n", row.phase(),
          row.endpoint(), row.p50(), row.p95(), row.max(), row.goal(),
          row.met() ? "yes" : "**no**"));
    }
    Path out = Path.of("target", "bench", "registers.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, md);
    System.out.println(md);
  }
}
