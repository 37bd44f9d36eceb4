package com.careflow.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import com.careflow.support.BasicAuth;
import com.careflow.support.PackagedApp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * SPEC §7.6: a 201 means the case is on disk. The packaged app takes complaints at a steady
 * pace from two agents at once, is killed with {@code kill -9} in the middle, and is started
 * again on the same data: every number it answered 201 resolves to the complaint it was given
 * for, and no number is given out again. On the embedded H2 file database of the demo, at its
 * shipped address and at one an administrator wrote, and on PostgreSQL.
 */
class CrashRecoveryIT {

  private static final int ACKNOWLEDGED_BEFORE_THE_CRASH = 40;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void onTheEmbeddedDatabaseEveryAcknowledgedComplaintSurvivesKillDashNine() throws Exception {
    var data = PackagedApp.workDir("crash-h2");
    Map<String, String> demo = Map.of();
    try (PackagedApp app = new PackagedApp(data, demo, "crash-h2-1").start()) {
      Map<String, String> acknowledged = intakeUntilKilled(app, "agent", "demo");
      try (PackagedApp again = new PackagedApp(data, demo, "crash-h2-2").start()) {
        assertEveryNumberResolvesToItsOwnComplaint(again, "agent", "demo", acknowledged);
      }
    }
  }

  /**
   * The data moved by an administrator, who writes the H2 address as H2's manual does, without
   * the shipped {@code ;WRITE_DELAY=0}: acknowledged complaints survive all the same.
   */
  @Test
  void onAnEmbeddedDatabaseAddressOfTheUsersOwnEveryAcknowledgedComplaintSurvives()
      throws Exception {
    var data = PackagedApp.workDir("crash-h2-moved");
    Map<String, String> moved = Map.of("SPRING_DATASOURCE_URL",
        "jdbc:h2:file:" + data.resolve("moved").toAbsolutePath() + "/careflow");
    try (PackagedApp app = new PackagedApp(data, moved, "crash-h2-moved-1").start()) {
      Map<String, String> acknowledged = intakeUntilKilled(app, "agent", "demo");
      try (PackagedApp again = new PackagedApp(data, moved, "crash-h2-moved-2").start()) {
        assertEveryNumberResolvesToItsOwnComplaint(again, "agent", "demo", acknowledged);
      }
    }
  }

  @Test
  void onPostgresEveryAcknowledgedComplaintSurvivesKillDashNine() throws Exception {
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
      Map<String, String> production = Map.of(
          "SPRING_PROFILES_ACTIVE", "postgres",
          "SPRING_DATASOURCE_URL", postgres.getJdbcUrl("postgres", "postgres"),
          "SPRING_DATASOURCE_USERNAME", "postgres",
          "SPRING_DATASOURCE_PASSWORD", "postgres",
          "SPRING_MAIL_HOST", "localhost",
          "CAMUNDA_BPM_ADMINUSER_PASSWORD", "Crash-test-7431-osprey");
      var data = PackagedApp.workDir("crash-pg");
      try (PackagedApp app = new PackagedApp(data, production, "crash-pg-1").start()) {
        app.createStaff(BasicAuth.header("admin", "Crash-test-7431-osprey"), "crashagent",
            "Crash-agent-password-1", "cs-agents");
        Map<String, String> acknowledged = intakeUntilKilled(app, "crashagent",
            "Crash-agent-password-1");
        try (PackagedApp again = new PackagedApp(data, production, "crash-pg-2").start()) {
          assertEveryNumberResolvesToItsOwnComplaint(again, "crashagent",
              "Crash-agent-password-1", acknowledged);
        }
      }
    }
  }

  /** Two agents register complaints until the app is killed; the numbers it acknowledged. */
  private Map<String, String> intakeUntilKilled(PackagedApp app, String user, String password)
      throws Exception {
    Map<String, String> acknowledged = new ConcurrentHashMap<>();
    AtomicBoolean killed = new AtomicBoolean();
    ExecutorService agents = Executors.newFixedThreadPool(2);
    for (int agent = 0; agent < 2; agent++) {
      agents.submit(() -> {
        while (!killed.get()) {
          String subject = "Crash " + UUID.randomUUID();
          try {
            HttpResponse<String> response = intake(app, user, password, subject);
            if (response.statusCode() == 201) {
              acknowledged.put(JSON.readTree(response.body()).get("number").asText(), subject);
            }
            Thread.sleep(10);
          } catch (IOException | InterruptedException stoppedMidRequest) {
            return null; // the app died under this request: it was never acknowledged
          }
        }
        return null;
      });
    }
    while (acknowledged.size() < ACKNOWLEDGED_BEFORE_THE_CRASH) {
      Thread.sleep(5);
    }
    app.kill();
    killed.set(true);
    agents.shutdown();
    assertThat(agents.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    return Map.copyOf(acknowledged);
  }

  private void assertEveryNumberResolvesToItsOwnComplaint(PackagedApp app, String user,
      String password, Map<String, String> acknowledged) throws Exception {
    assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(ACKNOWLEDGED_BEFORE_THE_CRASH);
    for (Map.Entry<String, String> ack : acknowledged.entrySet()) {
      HttpResponse<String> read = http.send(HttpRequest.newBuilder(
              app.uri("/api/complaints/" + ack.getKey()))
          .header("Authorization", BasicAuth.header(user, password)).build(),
          BodyHandlers.ofString());
      assertThat(read.statusCode()).as(ack.getKey() + " after the crash").isEqualTo(200);
      JsonNode complaint = JSON.readTree(read.body());
      assertThat(complaint.get("subject").asText()).as(ack.getKey() + " names its own complaint")
          .isEqualTo(ack.getValue());
      assertThat(complaint.get("processInstanceId").isNull()).as("its case runs").isFalse();
    }
    HttpResponse<String> next = intake(app, user, password, "After the crash");
    assertThat(next.statusCode()).isEqualTo(201);
    assertThat(acknowledged).as("a number is never given out again")
        .doesNotContainKey(JSON.readTree(next.body()).get("number").asText());
  }

  private HttpResponse<String> intake(PackagedApp app, String user, String password,
      String subject) throws IOException, InterruptedException {
    String body = JSON.createObjectNode().put("channel", "PHONE").put("type", "COMPLAINT")
        .put("subject", subject).put("description", "Taken just before a crash.")
        .set("customer", JSON.createObjectNode().put("name", "Crash Test")
            .put("phone", "13900000000").put("region", "DOMESTIC")).toString();
    return http.send(HttpRequest.newBuilder(app.uri("/api/complaints"))
        .timeout(Duration.ofSeconds(20))
        .header("Authorization", BasicAuth.header(user, password))
        .header("Content-Type", "application/json")
        .POST(BodyPublishers.ofString(body)).build(), BodyHandlers.ofString());
  }
}
