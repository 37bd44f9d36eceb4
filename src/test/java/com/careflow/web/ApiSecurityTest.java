package com.careflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.careflow.support.BasicAuth;
import com.careflow.support.CareFlowSpringTest;
import com.careflow.support.WebAppSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What a caller of CareFlow's HTTP endpoints sees: the APIs need credentials of a Camunda user,
 * the engine's authorizations apply to that user, the web apps keep their own login with CSRF
 * protection and open only the apps a user's groups allow, and Actuator shows health alone.
 */
@CareFlowSpringTest
class ApiSecurityTest {

  @LocalServerPort
  private int port;

  @Autowired
  private ObjectMapper json;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void engineRestWithoutCredentialsIs401WithAProblemBody() throws Exception {
    HttpResponse<String> response = get("/engine-rest/engine", null);
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"CareFlow\"");
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode problem = json.readTree(response.body());
    assertThat(problem.get("status").asInt()).isEqualTo(401);
    assertThat(problem.get("instance").asText()).isEqualTo("/engine-rest/engine");
    assertThat(problem.get("detail").asText()).contains("HTTP Basic credentials");
  }

  @Test
  void everyEngineRestPathNeedsCredentials() throws Exception {
    for (String path : new String[] {"/engine-rest/process-definition", "/engine-rest/task",
        "/engine-rest/user", "/engine-rest/deployment/create"}) {
      assertThat(get(path, null).statusCode()).as(path).isEqualTo(401);
    }
  }

  @Test
  void careFlowApiWithoutCredentialsIs401AndUnknownPathsToo() throws Exception {
    assertThat(get("/api/calendar/deadline?from=2026-11-20T10:00:00Z&workingDays=1", null)
        .statusCode()).isEqualTo(401);
    HttpResponse<String> unknown = get("/api/no-such-thing", null);
    assertThat(unknown.statusCode()).isEqualTo(401);
    assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
  }

  @Test
  void aDemoUserIsLetIn() throws Exception {
    HttpResponse<String> engines = get("/engine-rest/engine", "agent:demo");
    assertThat(engines.statusCode()).isEqualTo(200);
    assertThat(json.readTree(engines.body()).get(0).get("name").asText()).isEqualTo("default");
  }

  @Test
  void aWrongPasswordIs401() throws Exception {
    // A user no other test logs in with: Camunda delays the next login after a failure.
    assertThat(get("/engine-rest/engine", "rnd:not-the-password").statusCode())
        .isEqualTo(401);
    assertThat(get("/engine-rest/engine", "nobody:demo").statusCode()).isEqualTo(401);
  }

  @Test
  void theEnginesAuthorizationsApplyToTheCaller() throws Exception {
    String newUser = "{\"profile\":{\"id\":\"intruder\"},\"credentials\":{\"password\":\"x1y2z3w4\"}}";
    HttpResponse<String> asAgent = post("/engine-rest/user/create", "agent:demo", newUser);
    assertThat(asAgent.statusCode()).isEqualTo(403);
    assertThat(asAgent.body()).contains("does not have 'CREATE' permission on resource 'User'");

    HttpResponse<String> filters = get("/engine-rest/filter", "agent:demo");
    assertThat(filters.statusCode()).isEqualTo(200);
    assertThat(json.readTree(filters.body()).findValuesAsText("name"))
        .contains("我的任务", "本部门待办");
  }

  /**
   * A REST caller's sign-in is remembered for a minute (no database round trip per call), but a
   * password changed or a membership removed by an administrator holds from the next call on.
   */
  @Test
  void aChangedPasswordOrARemovedGroupHoldsAtOnce() throws Exception {
    assertThat(post("/engine-rest/user/create", "demo:demo", "{\"profile\":{\"id\":"
        + "\"shortlived\"},\"credentials\":{\"password\":\"Old-pass-4821\"}}").statusCode())
        .isEqualTo(204);
    assertThat(send("PUT", "/engine-rest/group/cs-managers/members/shortlived", "demo:demo", null)
        .statusCode()).isEqualTo(204);
    for (int call = 0; call < 3; call++) {
      assertThat(get("/api/notices?status=FAILED", "shortlived:Old-pass-4821").statusCode())
          .as("call " + call).isEqualTo(200);
    }
    assertThat(send("PUT", "/engine-rest/user/shortlived/credentials", "demo:demo",
        "{\"password\":\"New-pass-9377\",\"authenticatedUserPassword\":\"demo\"}")
        .statusCode()).isEqualTo(204);
    assertThat(get("/api/notices?status=FAILED", "shortlived:Old-pass-4821").statusCode())
        .as("the old password, right after the change").isEqualTo(401);
    assertThat(get("/api/notices?status=FAILED", "shortlived:New-pass-9377").statusCode())
        .isEqualTo(200);
    assertThat(send("DELETE", "/engine-rest/group/cs-managers/members/shortlived", "demo:demo",
        null).statusCode()).isEqualTo(204);
    assertThat(get("/api/notices?status=FAILED", "shortlived:New-pass-9377").statusCode())
        .as("no longer a manager, right after the removal").isEqualTo(403);
    assertThat(send("DELETE", "/engine-rest/user/shortlived", "demo:demo", null).statusCode())
        .isEqualTo(204);
    assertThat(get("/engine-rest/engine", "shortlived:New-pass-9377").statusCode())
        .as("a deleted user").isEqualTo(401);
  }

  @Test
  void calendarApiAnswersAndNamesEachBadField() throws Exception {
    HttpResponse<String> ok =
        get("/api/calendar/deadline?from=2026-11-20T19:30:00%2B08:00&workingDays=3", "agent:demo");
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(json.readTree(ok.body()).get("deadline").asText())
        .isEqualTo("2026-11-25T19:30:00+08:00");

    HttpResponse<String> negative =
        get("/api/calendar/deadline?from=2026-11-20T19:30:00Z&workingDays=-1", "agent:demo");
    assertBadFields(negative, "workingDays");
    assertBadFields(get("/api/calendar/deadline?from=yesterday&workingDays=1", "agent:demo"),
        "from");
    assertBadFields(get("/api/calendar/deadline?from=2026-11-20T19:30:00Z", "agent:demo"),
        "workingDays");
  }

  @Test
  void actuatorShowsHealthOnly() throws Exception {
    HttpResponse<String> health = get("/actuator/health", null);
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(json.readTree(health.body()).get("status").asText()).isEqualTo("UP");
    assertThat(json.readTree(health.body()).has("components")).isFalse();
    for (String probe : new String[] {"/actuator/health/liveness", "/actuator/health/readiness"}) {
      HttpResponse<String> answer = get(probe, null);
      assertThat(answer.statusCode()).as(probe + " for the load balancer").isEqualTo(200);
      assertThat(json.readTree(answer.body()).get("status").asText()).isEqualTo("UP");
    }
    for (String hidden : new String[] {"/actuator/env", "/actuator/beans", "/actuator/configprops"}) {
      assertThat(get(hidden, null).statusCode()).as(hidden).isEqualTo(404);
    }
  }

  @Test
  void webAppLoginNeedsTheCsrfTokenAndOpensOnlyTheUsersApps() throws Exception {
    WebAppSession agent = new WebAppSession(port);
    assertThat(agent.login("agent", "demo", "tasklist", false).statusCode()).isEqualTo(403);
    HttpResponse<String> login = agent.login("agent", "demo", "tasklist", true);
    assertThat(login.statusCode()).isEqualTo(200);
    JsonNode apps = json.readTree(login.body()).get("authorizedApps");
    assertThat(apps.toString()).contains("tasklist").doesNotContain("cockpit", "admin");

    JsonNode managerApps = json.readTree(new WebAppSession(port).login("csmanager", "demo", "cockpit", true)
        .body()).get("authorizedApps");
    assertThat(managerApps.toString()).contains("tasklist", "cockpit").doesNotContain("admin");

    JsonNode adminApps = json.readTree(new WebAppSession(port).login("demo", "demo", "admin", true).body())
        .get("authorizedApps");
    assertThat(adminApps.toString()).contains("admin", "cockpit", "tasklist");
  }

  private void assertBadFields(HttpResponse<String> response, String... fields)
      throws IOException {
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode problem = json.readTree(response.body());
    assertThat(problem.get("errors").findValuesAsText("field")).containsExactly(fields);
    assertThat(response.body()).doesNotContain("Exception", "\tat ");
  }

  @Test
  void oddPathsAndTheErrorPageAre4xxProblemsNever500() throws Exception {
    for (String path : new String[] {"/engine-rest;x=y/user", "/api/../engine-rest/user",
        "/api/%2e%2e/engine-rest/user", "/error", "/error?status=500", "/api//complaints"}) {
      for (String credentials : new String[] {null, "agent:demo"}) {
        HttpResponse<String> response = get(path, credentials);
        assertThat(response.statusCode()).as(path + " as " + credentials).isBetween(400, 499);
        assertThat(response.headers().firstValue("Content-Type")).as(path)
            .hasValue("application/problem+json");
        assertThat(response.body()).doesNotContain("Exception", "at org.");
      }
    }
  }

  @Test
  void aBodyLargerThanTheEngineTakesIs413BeforeItIsRead() throws Exception {
    HttpResponse<String> response = post("/engine-rest/process-instance/x/variables",
        "agent:demo", "{\"modifications\":{\"a\":{\"value\":\"" + "x".repeat(11 * 1024 * 1024)
            + "\"}}}");
    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
  }

  private HttpResponse<String> get(String path, String credentials) throws Exception {
    return http.send(request(path, credentials).GET().build(), BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String credentials, String body)
      throws Exception {
    return http.send(request(path, credentials).header("Content-Type", "application/json")
        .POST(BodyPublishers.ofString(body)).build(), BodyHandlers.ofString());
  }

  private HttpResponse<String> send(String method, String path, String credentials,
      String body) throws Exception {
    return http.send(request(path, credentials).header("Content-Type", "application/json")
        .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body))
        .build(), BodyHandlers.ofString());
  }

  private HttpRequest.Builder request(String path, String credentials) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
    if (credentials != null) {
      String[] userAndPassword = credentials.split(":", 2);
      request.header("Authorization", BasicAuth.header(userAndPassword[0], userAndPassword[1]));
    }
    return request;
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  /** A browser session on the Camunda web apps: cookies, and the CSRF token they carry. */
}
