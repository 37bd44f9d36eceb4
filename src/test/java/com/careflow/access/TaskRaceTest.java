package com.careflow.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.careflow.support.CareFlowSpringTest;
import com.careflow.support.Tasklist;
import com.careflow.support.Worklist;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * SPEC §7.7: people who claim or complete the same task at the same moment. One wins; every
 * other gets 409 with a message saying the task was taken or completed, never a 500 with the
 * engine's internals, and the case moves on exactly once.
 */
@CareFlowSpringTest
class TaskRaceTest {

  private static final int RACERS = 12;

  @LocalServerPort private int port;
  @Autowired private ObjectMapper json;
  @Autowired private ProcessEngine engine;
  @Autowired private IdentityService identity;

  private Tasklist tasklist;

  @BeforeEach
  void connect() {
    tasklist = new Tasklist(port, json);
    for (int i = 0; i < RACERS; i++) {
      String id = "racer" + i;
      if (identity.createUserQuery().userId(id).count() == 0) {
        User user = identity.newUser(id);
        user.setPassword("demo");
        identity.saveUser(user);
        identity.createMembership(id, "quality");
      }
    }
  }

  @Test
  void ofTwelveCompletionsOfOneTaskOneWinsAndElevenGet409() throws Exception {
    String number = triagedForQuality();
    String task = tasklist.claim("racer0", number, "InvestigateComplaint").get("id").asText();
    Map<String, Object> report = Map.of("rootCause", "Seal", "responsibleDepartment",
        "quality", "correctiveAction", "Check", "humanNegligence", false,
        "improvementTracking", true);

    List<HttpResponse<String>> answers = race(i -> () ->
        tasklist.tryComplete("racer0", task, report));

    assertOneWinnerAnd409s(answers);
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery()
        .activityId("InvestigateComplaint").processInstanceId(Worklist.instanceOf(engine, number)).count())
        .as("investigated once").isOne();
    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(number)
        .taskDefinitionKey("InstructOnInvestigation").count()).as("the next step once").isOne();
  }

  @Test
  void ofTwelveClaimsOfOneTaskOneWinsAndElevenGet409() throws Exception {
    String number = triagedForQuality();
    String task = tasklist.visibleTasks("racer0", number).get(0).get("id").asText();

    List<HttpResponse<String>> answers = race(i -> () -> tasklist.send("racer" + i, "POST",
        "/engine-rest/task/" + task + "/claim", "{\"userId\":\"racer" + i + "\"}"));

    assertOneWinnerAnd409s(answers);
    String winner = engine.getTaskService().createTaskQuery().taskId(task).singleResult()
        .getAssignee();
    assertThat(winner).startsWith("racer");
  }

  private void assertOneWinnerAnd409s(List<HttpResponse<String>> answers) {
    assertThat(answers).filteredOn(answer -> answer.statusCode() == 204).hasSize(1);
    assertThat(answers).filteredOn(answer -> answer.statusCode() != 204)
        .hasSize(RACERS - 1)
        .allSatisfy(answer -> {
          assertThat(answer.statusCode()).as(answer.body()).isEqualTo(409);
          assertThat(answer.body()).doesNotContain("ENGINE-", "Entity", "SQL");
          assertThat(answer.body()).containsAnyOf("already completed", "changed by someone else");
        });
  }

  private List<HttpResponse<String>> race(IntFunction<Callable<HttpResponse<String>>> racer)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(RACERS);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<HttpResponse<String>>> futures = new ArrayList<>();
      for (int i = 0; i < RACERS; i++) {
        Callable<HttpResponse<String>> call = racer.apply(i);
        futures.add(pool.submit(() -> {
          start.await();
          return call.call();
        }));
      }
      start.countDown();
      List<HttpResponse<String>> answers = new ArrayList<>();
      for (Future<HttpResponse<String>> future : futures) {
        answers.add(future.get());
      }
      return answers;
    } finally {
      pool.shutdownNow();
    }
  }

  private String triagedForQuality() {
    String number = tasklist.registerComplaint("agent", "Mould");
    JsonNode triage = tasklist.myTask("agent", number, "TriageComplaint");
    tasklist.complete("agent", triage, Map.of("complaintValid", true, "severe", false, "category",
        "PRODUCT_QUALITY", "specialCase", false, "important", false));
    return number;
  }
}
