package com.careflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.careflow.support.ApiClient;
import com.careflow.support.CareFlowSpringTest;
import com.careflow.support.Problems;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A POST retried with its {@code Idempotency-Key} answers the first time's 201 again and
 * starts nothing new; the key sent with another request is 422; a key is one user's.
 */
@CareFlowSpringTest
class IdempotentPostsTest {

  private static final String TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();

  /** In a path: an employee the test hires first. */
  private static final String NEW_HIRE = "{new-hire}";

  @LocalServerPort private int port;
  @Autowired private ObjectMapper json;
  @Autowired private JdbcTemplate jdbc;

  private ApiClient api;

  @BeforeEach
  void connect() {
    api = new ApiClient(port);
  }

  static Stream<Arguments> posts() {
    return Stream.of(
        Arguments.of("sales", "/api/returns", "product_return", """
            {"customer": {"name": "Qian Li", "phone": "13900000000", "region": "DOMESTIC"},
             "orderNumber": "SO-1", "shippedOn": "%s", "description": "Sediment.",
             "claimedQuantity": %d}""".formatted(TODAY, 10), """
            {"customer": {"name": "Qian Li", "phone": "13900000000", "region": "DOMESTIC"},
             "orderNumber": "SO-1", "shippedOn": "%s", "description": "Sediment.",
             "claimedQuantity": %d}""".formatted(TODAY, 11)),
        Arguments.of("hr", "/api/employees", "employee", hire("k1"), hire("k2")),
        Arguments.of("csmanager", "/api/promotions", "promotion", nomination("Lead"),
            nomination("Senior agent")),
        Arguments.of("hr", "/api/promotions/competitions", "promotion_competition",
            competition(1), competition(2)),
        // a hire of the test's own: a warning on a demo agent would change what its
        // nomination reports in the other tests (README, the cross-procedure story)
        Arguments.of("hr", "/api/employees/" + NEW_HIRE + "/disciplinary-actions",
            "employee_disciplinary_action", warning("Late again"), warning("Rude")));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("posts")
  void aRetryWithTheSameKeyGetsTheFirstAnswerAndStartsNothing(String user, String path,
      String table, String request, String otherRequest) throws Exception {
    if (path.contains(NEW_HIRE)) {
      HttpResponse<String> hired = post("hr", "/api/employees", null, hire("w"));
      path = path.replace(NEW_HIRE, json.readTree(hired.body()).get("id").asText());
    }
    String key = UUID.randomUUID().toString();
    HttpResponse<String> first = post(user, path, key, request);
    assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
    assertThat(first.headers().firstValue("Idempotent-Replayed")).hasValue("false");
    long rows = count(table);

    HttpResponse<String> retry = post(user, path, key, request);
    assertThat(retry.statusCode()).isEqualTo(201);
    assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
    assertThat(retry.headers().firstValue("Location"))
        .isEqualTo(first.headers().firstValue("Location"));
    assertThat(json.readTree(retry.body())).isEqualTo(json.readTree(first.body()));
    assertThat(count(table)).isEqualTo(rows);

    HttpResponse<String> other = post(user, path, key, otherRequest);
    assertThat(other.statusCode()).isEqualTo(422);
    assertThat(other.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(other.body()).contains("Idempotency-Key was used for a different request");
    assertThat(count(table)).isEqualTo(rows);

    HttpResponse<String> withoutKey = post(user, path, null, otherRequest);
    assertThat(withoutKey.statusCode()).isEqualTo(201);
    assertThat(json.readTree(withoutKey.body())).as("a new one")
        .isNotEqualTo(json.readTree(first.body()));
    assertThat(count(table)).isEqualTo(rows + 1);
  }

  @Test
  void aCandidacyRetriedIsRegisteredOnceAndAKeyIsOneUsers() throws Exception {
    String competition = json.readTree(post("hr", "/api/promotions/competitions", null,
        competition(1)).body()).get("id").asText();
    String path = "/api/promotions/competitions/" + competition + "/candidates";
    String candidacy = "{\"employeeId\": \"EM-0000-0001\"}";
    HttpResponse<String> first = post("csmanager", path, "same-key", candidacy);
    assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
    HttpResponse<String> retry = post("csmanager", path, "same-key", candidacy);
    assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM promotion WHERE competition_id = ?",
        Long.class, competition)).isEqualTo(1);
    HttpResponse<String> someoneElse = post("hrmanager", path, "same-key", candidacy);
    assertThat(someoneElse.statusCode()).as("another user's key is not this one").isEqualTo(400);
    assertThat(someoneElse.body()).contains("is already registered");
  }

  @Test
  void aHireSentFourTimesAtOnceWithOneKeyIsOneHireAndEachGetsIts201() throws Exception {
    String key = UUID.randomUUID().toString();
    String request = hire("race");
    long employees = count("employee");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<HttpResponse<String>>> answers = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        answers.add(pool.submit(() -> {
          start.await();
          return post("hr", "/api/employees", key, request);
        }));
      }
      start.countDown();
      Set<String> locations = new HashSet<>();
      for (Future<HttpResponse<String>> answer : answers) {
        HttpResponse<String> response = answer.get();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        locations.add(response.headers().firstValue("Location").orElseThrow());
      }
      assertThat(locations).as("one hire, the same answer").hasSize(1);
      assertThat(count("employee")).isEqualTo(employees + 1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aBadKeyIs400NamingTheHeader() throws Exception {
    HttpResponse<String> response = post("hr", "/api/promotions/competitions", "x".repeat(201),
        competition(1));
    assertThat(Problems.badFields(response)).containsExactly("Idempotency-Key");
  }

  private long count(String table) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
  }

  private HttpResponse<String> post(String user, String path, String key, String body)
      throws Exception {
    var request = api.request(user, path);
    if (key != null) {
      request.header("Idempotency-Key", key);
    }
    return api.postJson(request, body);
  }

  private static String hire(String suffix) {
    return """
        {"name": "Idem %s", "userId": "i%s", "department": "customer-service",
         "position": "Agent", "startDate": "%s", "mentor": "agent"}"""
        .formatted(suffix, UUID.randomUUID().toString().replace("-", "").substring(0, 10)
            + suffix, TODAY);
  }

  private static String warning(String reason) {
    return """
        {"actionOn": "%s", "kind": "WARNING", "reason": "%s"}""".formatted(TODAY, reason);
  }

  private static String nomination(String position) {
    return """
        {"employeeId": "EM-0000-0001", "promotionType": "POSITION", "track": "PERIODIC",
         "targetGrade": 3, "targetPosition": "%s", "evaluation": "e", "selfReport": "s",
         "supervisorRecommendation": "r"}""".formatted(position);
  }

  private static String competition(int places) {
    return """
        {"post": "Team lead", "targetGrade": 3, "places": %d, "closesOn": "%s",
         "panel": ["gm"]}""".formatted(places, TODAY);
  }
}
