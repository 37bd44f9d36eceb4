package com.careflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.careflow.support.BasicAuth;
import com.careflow.support.PackagedApp;
import com.careflow.support.WebAppSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Two CareFlow nodes on one PostgreSQL (issue 17), as a company runs them behind a load
 * balancer, through a day that goes wrong twice: the packaged jar twice, production profile,
 * each node's job executor and notice relay on. Requests alternate between the nodes: the
 * models deploy once; intakes on both get unique, consecutive numbers; an Idempotency-Key
 * replays across nodes; a task read on one node completes on the other; two completions of one
 * task on both nodes give one 204 and one 409; the monthly review's timer, each asynchronous
 * acknowledgement and each SMS run once, whichever node took them; a browser signed in on one
 * node is signed in on both, also behind the shipped nginx proxy. Then one node is killed with
 * {@code kill -9} mid-load, and the database restarts under the other.
 */
class TwoNodesIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ADMIN = BasicAuth.header("admin", "Cluster-test-5821-ibis");
  private static final String AGENT_ID = "clusteragent";
  private static final String AGENT_PASSWORD = "Cluster-agent-pass-1";
  private static final String AGENT = BasicAuth.header(AGENT_ID, AGENT_PASSWORD);
  private static final int INTAKES = 20;

  private final HttpClient http = HttpClient.newHttpClient();
  /** Every SMS the gateway received, by its message id. */
  private final Map<String, AtomicInteger> sms = new ConcurrentHashMap<>();

  /** The database: restartable on its port and data directory. */
  private EmbeddedPostgres postgres;

  @Test
  void twoNodesShareTheWorkOutliveANodeAndRideOutADatabaseRestart() throws Exception {
    HttpServer gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    gateway.createContext("/sms", exchange -> {
      JsonNode posted = JSON.readTree(exchange.getRequestBody());
      sms.computeIfAbsent(posted.get("messageId").asText(), id -> new AtomicInteger())
          .incrementAndGet();
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    gateway.start();
    java.nio.file.Path data = PackagedApp.workDir("postgres-data");
    int port = PackagedApp.freePort();
    postgres = EmbeddedPostgres.builder().setPort(port).setDataDirectory(data)
        .setCleanDataDirectory(false).start();
    try {
      Map<String, String> production = production(postgres,
          "http://127.0.0.1:" + gateway.getAddress().getPort() + "/sms");
      // short locks and claims, so that what a dead node held is taken over within the test
      production.put("CAMUNDA_BPM_JOBEXECUTION_LOCKTIMEINMILLIS", "10000");
      production.put("CAREFLOW_NOTIFY_RELAY_CLAIMFOR", "PT10S");
      try (PackagedApp a = new PackagedApp(PackagedApp.workDir("node-a"), production,
          "cluster-a").start()) {
        long deployments = count("SELECT COUNT(*) FROM act_re_deployment");
        try (PackagedApp b = new PackagedApp(PackagedApp.workDir("node-b"), production,
            "cluster-b").start()) {
          assertThat(count("SELECT COUNT(*) FROM act_re_deployment"))
              .as("the second node deploys no model again").isEqualTo(deployments);
          a.createStaff(ADMIN, AGENT_ID, AGENT_PASSWORD, "cs-agents");
          shareTheWork(a, b);
          oneSignInForBothNodes(a, b);
          outliveNode(a, b);
          rideOutADatabaseRestart(b, port, data);
        }
      }
    } finally {
      postgres.close();
      gateway.stop(0);
    }
  }

  /**
   * Requests alternate between the nodes: unique consecutive numbers, an Idempotency-Key that
   * replays across nodes, a task read on one node and completed on the other, a completion
   * raced on both, each acknowledgement written once and each SMS sent once.
   */
  private void shareTheWork(PackagedApp a, PackagedApp b) throws Exception {
    List<String> numbers = intakesOnBothNodes(List.of(a, b));
    assertThat(numbers).doesNotHaveDuplicates().hasSize(INTAKES);
    assertThat(numbers.stream().map(number -> Integer.parseInt(number.substring(8)))
        .sorted().toList()).as("consecutive within the month")
        .isEqualTo(IntStream.rangeClosed(1, INTAKES).boxed().toList());

    String key = "cluster-" + System.nanoTime();
    HttpResponse<String> first = intake(a, "Idempotent", key);
    HttpResponse<String> again = intake(b, "Idempotent", key);
    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
    assertThat(number(again)).as("a retry on the other node gets the first answer")
        .isEqualTo(number(first));

    String triage = triageOf(a, numbers.get(0));
    assertThat(complete(b, triage).statusCode()).as("opened on A, completed on B")
        .isEqualTo(204);
    String contested = triageOf(b, numbers.get(1));
    ExecutorService both = Executors.newFixedThreadPool(2);
    List<Future<Integer>> answers = both.invokeAll(List.<Callable<Integer>>of(
        () -> complete(a, contested).statusCode(), () -> complete(b, contested).statusCode()));
    both.shutdown();
    assertThat(List.of(answers.get(0).get(), answers.get(1).get()))
        .as("one completion wins, the other is told").containsExactlyInAnyOrder(204, 409);

    // the monthly review's timer falls due now: both job executors see it, one runs it
    execute("UPDATE act_ru_job SET duedate_ = now() WHERE handler_type_ = 'timer-start-event'");
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (count("SELECT COUNT(*) FROM complaint_monthly_review") == 0) {
      assertThat(Instant.now()).as("the review compiled within a minute").isBefore(deadline);
      Thread.sleep(500); // the nodes' job executors acquire it on their own
    }
    assertThat(count("SELECT COUNT(*) FROM act_hi_procinst WHERE proc_def_key_ = "
        + "'complaint-monthly-review'")).as("the monthly review started once").isOne();
    assertThat(count("SELECT COUNT(*) FROM act_ru_job WHERE handler_type_ = "
        + "'timer-start-event' AND duedate_ > now()")).as("and its timer waits for next month")
        .isOne();

    int written = INTAKES + 1; // and the idempotent one, once
    List<String> sent = awaitSmsSent(written);
    assertThat(count("SELECT COUNT(*) FROM customer_notification "
        + "WHERE kind = 'ACKNOWLEDGEMENT'")).as("each acknowledgement written once")
        .isEqualTo(written);
    assertThat(sms.keySet()).as("the gateway got every SMS sent")
        .containsExactlyInAnyOrderElementsOf(sent);
    assertThat(sms).as("each SMS reached the gateway once")
        .allSatisfy((id, times) -> assertThat(times.get()).as(id).isOne());
  }

  /**
   * A browser signed in on one node is signed in on the other (the sessions are in the
   * database); behind the shipped proxy (docker-compose's cluster profile), browsers sign in and
   * work while their requests, and the API calls, spread over both nodes.
   */
  private void oneSignInForBothNodes(PackagedApp a, PackagedApp b) throws Exception {
    HttpResponse<String> onB = signedIn(a.port()).on(b.port()).engine("GET", "/task/count", null);
    assertThat(onB.statusCode()).as("signed in on A, served by B: %s", onB.body())
        .isEqualTo(200);
    if (!ClusterProxy.installed()) {
      return;
    }
    try (ClusterProxy proxy = ClusterProxy.start(PackagedApp.workDir("proxy"), a.port(),
        b.port())) {
      for (int i = 0; i < 8; i++) {
        WebAppSession browser = signedIn(proxy.port());
        for (int call = 0; call < 3; call++) {
          HttpResponse<String> tasks = browser.engine("GET", "/task/count", null);
          assertThat(tasks.statusCode()).as("browser %d still signed in: %s", i, tasks.body())
              .isEqualTo(200);
        }
      }
      for (int i = 0; i < 4; i++) {
        HttpResponse<String> api = http.send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + proxy.port() + "/engine-rest/task/count"))
            .header("Authorization", AGENT).build(), BodyHandlers.ofString());
        assertThat(api.statusCode()).as(api.body()).isEqualTo(200);
      }
      Map<Boolean, Set<String>> nodes = proxy.routes().stream().collect(Collectors.partitioningBy(
          route -> route.request().contains("/engine-rest/"),
          Collectors.mapping(ClusterProxy.Route::node, Collectors.toSet())));
      assertThat(nodes.get(false)).as("the browsers' requests spread over both nodes").hasSize(2);
      assertThat(nodes.get(true)).as("API calls spread over both nodes").hasSize(2);
    }
  }

  /**
   * Node A is killed with kill -9 in the middle of intake on both nodes: every acknowledged case
   * is on B, whose job executor and relay take over what A had locked and claimed; a person
   * signed in through A works on through B without signing in again.
   */
  private void outliveNode(PackagedApp a, PackagedApp b) throws Exception {
    WebAppSession signedInOnA = signedIn(a.port());
    long before = count("SELECT COUNT(*) FROM complaint");
    Map<String, String> acknowledged = new ConcurrentHashMap<>();
    java.util.concurrent.atomic.AtomicBoolean stop =
        new java.util.concurrent.atomic.AtomicBoolean();
    ExecutorService agents = Executors.newFixedThreadPool(2);
    for (PackagedApp node : List.of(a, b)) {
      agents.submit(() -> {
        for (int i = 0; !stop.get(); i++) {
          try {
            HttpResponse<String> response = intake(node, "Failover " + i, null);
            if (response.statusCode() == 201) {
              acknowledged.put(number(response), node == a ? "A" : "B");
            }
          } catch (IOException diedUnderTheRequest) {
            return null; // never acknowledged
          }
        }
        return null;
      });
    }
    while (acknowledged.size() < 12) {
      Thread.sleep(20);
    }
    a.kill(); // kill -9, in the middle of intake, acknowledgements and SMS
    while (acknowledged.size() < 24) {
      Thread.sleep(20);
    }
    stop.set(true);
    agents.shutdown();
    assertThat(agents.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

    HttpResponse<String> afterA = signedInOnA.on(b.port()).engine("GET", "/task/count", null);
    assertThat(afterA.statusCode()).as("still signed in after A died: %s", afterA.body())
        .isEqualTo(200);
    for (String number : acknowledged.keySet()) {
      HttpResponse<String> read = http.send(HttpRequest.newBuilder(
              b.uri("/api/complaints/" + number)).header("Authorization", AGENT).build(),
          BodyHandlers.ofString());
      assertThat(read.statusCode()).as(number + " on the surviving node").isEqualTo(200);
    }
    long written = count("SELECT COUNT(*) FROM complaint");
    assertThat(written - before).as("every acknowledged case is there")
        .isGreaterThanOrEqualTo(acknowledged.size());
    // A's locked jobs and claimed SMS go to B once their lock and claim have run out
    List<String> sent = awaitSmsSent((int) written);
    assertThat(count("SELECT COUNT(*) FROM customer_notification "
        + "WHERE kind = 'ACKNOWLEDGEMENT'")).as("each acknowledgement written once")
        .isEqualTo(written);
    assertThat(sms.keySet()).as("every SMS reached the gateway, each under its one id (a "
        + "message A sent but could not record comes again with the same id)")
        .containsExactlyInAnyOrderElementsOf(sent);
  }

  /** The database stops and starts again: 503 problem+json meanwhile, never 500; recovery. */
  private void rideOutADatabaseRestart(PackagedApp node, int port, java.nio.file.Path data)
      throws Exception {
    // a manager signed in to Cockpit before: the session holds the sign-in, the engine API
    // call behind it is the first to meet the missing database
    WebAppSession cockpit = new WebAppSession(node.port());
    assertThat(cockpit.login("admin", "Cluster-test-5821-ibis", "cockpit", true).statusCode())
        .isEqualTo(200);
    assertThat(cockpit.engine("GET", "/process-definition/count", null).statusCode())
        .isEqualTo(200);
    postgres.close(); // the database stops; its data stays
    List<Integer> whileDown = new ArrayList<>();
    whileDown.add(http.send(HttpRequest.newBuilder(node.uri("/api/complaints"))
        .header("Authorization", AGENT).build(), BodyHandlers.ofString()).statusCode());
    whileDown.add(http.send(HttpRequest.newBuilder(node.uri("/engine-rest/task"))
        .header("Authorization", AGENT).build(), BodyHandlers.ofString()).statusCode());
    HttpResponse<String> signedIn = cockpit.engine("GET", "/process-definition/count", null);
    whileDown.add(signedIn.statusCode());
    assertThat(signedIn.headers().firstValue("Retry-After")).isPresent();
    HttpResponse<String> refused = intake(node, "While down", null);
    whileDown.add(refused.statusCode());
    assertThat(whileDown).as("/api, /engine-rest, a Cockpit session, an intake: 503, never 500")
        .containsOnly(503);
    assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
        assertThat(type).startsWith("application/problem+json"));
    assertThat(refused.headers().firstValue("Retry-After")).isPresent();
    assertThat(http.send(HttpRequest.newBuilder(node.uri("/actuator/health/readiness"))
        .build(), BodyHandlers.ofString()).statusCode()).as("not ready: take it out")
        .isEqualTo(503);

    postgres = EmbeddedPostgres.builder().setPort(port).setDataDirectory(data)
        .setCleanDataDirectory(false).start();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    int status;
    do {
      assertThat(Instant.now()).as("recovered within a minute, without a restart")
          .isBefore(deadline);
      Thread.sleep(500);
      status = intake(node, "After", null).statusCode();
      assertThat(status).as("503 until the pool reconnects").isIn(201, 503);
    } while (status != 201);
    assertThat(http.send(HttpRequest.newBuilder(node.uri("/actuator/health/readiness"))
        .build(), BodyHandlers.ofString()).statusCode()).isEqualTo(200);
  }

  /** Written complaints, from four agents at once, each request to the next node in turn. */
  private List<String> intakesOnBothNodes(List<PackagedApp> nodes) throws Exception {
    ExecutorService agents = Executors.newFixedThreadPool(4);
    List<Callable<String>> calls = new ArrayList<>();
    for (int i = 0; i < INTAKES; i++) {
      PackagedApp node = nodes.get(i % 2);
      String subject = "Cluster " + i;
      calls.add(() -> {
        HttpResponse<String> response = intake(node, subject, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return number(response);
      });
    }
    List<String> numbers = new ArrayList<>();
    for (Future<String> number : agents.invokeAll(calls)) {
      numbers.add(number.get());
    }
    agents.shutdown();
    return numbers;
  }

  /**
   * Waits until the acknowledgements' SMS are sent and no SMS is left to send; the message ids
   * of all SMS sent.
   */
  private List<String> awaitSmsSent(int acknowledgements) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
    while (count("SELECT COUNT(*) FROM notice_delivery WHERE channel = 'SMS' "
        + "AND kind = 'ACKNOWLEDGEMENT' AND status = 'SENT'") < acknowledgements
        || count("SELECT COUNT(*) FROM notice_delivery WHERE channel = 'SMS' "
        + "AND status IN ('PENDING', 'SENDING')") > 0) {
      assertThat(Instant.now()).as("the SMS were sent within two minutes").isBefore(deadline);
      Thread.sleep(500); // two real nodes' job executors and relays: nothing to drive by hand
    }
    List<String> keys = new ArrayList<>();
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        ResultSet rows = connection.createStatement().executeQuery("SELECT message_key "
            + "FROM notice_delivery WHERE channel = 'SMS' AND status = 'SENT'")) {
      while (rows.next()) {
        keys.add(rows.getString(1));
      }
    }
    return keys;
  }

  /** The agent's browser, signed in to Tasklist at that port (a node's or the proxy's). */
  private static WebAppSession signedIn(int port) throws IOException, InterruptedException {
    WebAppSession browser = new WebAppSession(port);
    HttpResponse<String> signIn = browser.login(AGENT_ID, AGENT_PASSWORD, "tasklist", true);
    assertThat(signIn.statusCode()).as("sign-in at %d: %s", port, signIn.body()).isEqualTo(200);
    return browser;
  }

  private static Map<String, String> production(EmbeddedPostgres postgres, String gatewayUrl) {
    Map<String, String> environment = new HashMap<>();
    environment.put("SPRING_PROFILES_ACTIVE", "postgres");
    environment.put("SPRING_DATASOURCE_URL", postgres.getJdbcUrl("postgres", "postgres"));
    environment.put("SPRING_DATASOURCE_USERNAME", "postgres");
    environment.put("SPRING_DATASOURCE_PASSWORD", "postgres");
    environment.put("CAMUNDA_BPM_ADMINUSER_PASSWORD", "Cluster-test-5821-ibis");
    environment.put("SPRING_MAIL_HOST", "localhost");
    environment.put("CAREFLOW_NOTIFY_SMS_ENABLED", "true");
    environment.put("CAREFLOW_NOTIFY_SMS_GATEWAYURL", gatewayUrl);
    environment.put("CAREFLOW_NOTIFY_RELAY_EVERY", "PT1S");
    return environment;
  }

  private void execute(String sql) throws Exception {
    try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
      connection.createStatement().executeUpdate(sql);
    }
  }

  private long count(String sql) throws Exception {
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        ResultSet rows = connection.createStatement().executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private HttpResponse<String> intake(PackagedApp node, String subject, String key)
      throws IOException, InterruptedException {
    String body = JSON.createObjectNode().put("channel", "WRITTEN").put("type", "COMPLAINT")
        .put("subject", subject).put("description", "Sent to one of two nodes.")
        .set("customer", JSON.createObjectNode().put("name", "Cluster Test")
            .put("phone", "13900000000").put("region", "DOMESTIC")).toString();
    HttpRequest.Builder request = HttpRequest.newBuilder(node.uri("/api/complaints"))
        .timeout(Duration.ofSeconds(30)).header("Authorization", AGENT)
        .header("Content-Type", "application/json");
    if (key != null) {
      request.header("Idempotency-Key", key);
    }
    return http.send(request.POST(BodyPublishers.ofString(body)).build(),
        BodyHandlers.ofString());
  }

  private String triageOf(PackagedApp node, String number) throws Exception {
    HttpResponse<String> tasks = http.send(HttpRequest.newBuilder(node.uri(
            "/engine-rest/task?processInstanceBusinessKey=" + number))
        .header("Authorization", AGENT).build(), BodyHandlers.ofString());
    JsonNode list = JSON.readTree(tasks.body());
    assertThat(list).as(tasks.body()).hasSize(1);
    return list.get(0).get("id").asText();
  }

  private HttpResponse<String> complete(PackagedApp node, String task) throws Exception {
    String variables = "{\"variables\":{"
        + "\"complaintValid\":{\"value\":false,\"type\":\"Boolean\"},"
        + "\"triageNote\":{\"value\":\"Stored in the sun.\",\"type\":\"String\"},"
        + "\"important\":{\"value\":false,\"type\":\"Boolean\"},"
        + "\"severe\":{\"value\":false,\"type\":\"Boolean\"},"
        + "\"paymentWithheld\":{\"value\":false,\"type\":\"Boolean\"}}}";
    return http.send(HttpRequest.newBuilder(node.uri("/engine-rest/task/" + task + "/complete"))
        .header("Authorization", AGENT).header("Content-Type", "application/json")
        .POST(BodyPublishers.ofString(variables)).build(), BodyHandlers.ofString());
  }

  private static String number(HttpResponse<String> response) throws IOException {
    return JSON.readTree(response.body()).get("number").asText();
  }
}
