package com.careflow.bench;

import static com.careflow.bench.BenchHttp.expect;

import com.careflow.bench.BenchHttp.Answer;
import com.careflow.bench.BenchHttp.User;
import com.careflow.bench.Lifecycle.Step;
import com.careflow.support.Tasklist;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Works a case's tasks as Tasklist does, through Camunda's REST API with the person's own
 * credentials: list the person's (or their department's) tasks of the case, claim a
 * department's task, read the form's variables, submit the form. A task that is not there yet
 * (an asynchronous step before it) is listed again every 10 ms; those empty lists are counted.
 * Times each step (from its first list to its submit) and each kind of call.
 */
final class CaseDriver {

  private static final Duration TASK_WITHIN = Duration.ofSeconds(60);

  private final BenchHttp http;
  /** Whether the case still has asynchronous steps to run (the job executor's part). */
  private final java.util.function.Predicate<String> stepsPending;
  private final Samples steps = new Samples();
  private final Samples calls = new Samples();
  private final AtomicLong emptyLists = new AtomicLong();

  CaseDriver(BenchHttp http, java.util.function.Predicate<String> stepsPending) {
    this.http = http;
    this.stepsPending = stepsPending;
  }

  /** Starts a case and works all its tasks; its process instance id. */
  String work(Lifecycle lifecycle, Team team) throws InterruptedException {
    long start = System.nanoTime();
    String instance = lifecycle.start(http, team);
    steps.add("start", Samples.since(start));
    for (Step step : lifecycle.steps()) {
      work(instance, step, step.role().of(team));
    }
    return instance;
  }

  private void work(String instance, Step step, User user) throws InterruptedException {
    long start = System.nanoTime();
    String list = "/engine-rest/task?processInstanceId=" + instance + "&taskDefinitionKey="
        + step.taskKey() + (step.role().group() == null ? "&assignee=" + user.id()
            : "&candidateGroup=" + step.role().group() + "&unassigned=true");
    JsonNode tasks = call("list", http.get(user, list), 200, step).json();
    long deadline = System.nanoTime() + TASK_WITHIN.toNanos();
    while (tasks.isEmpty()) {
      if (step.ifPresent() && !stepsPending.test(instance)) {
        // not drawn for this case: its asynchronous steps ran (the customer's answer read, the
        // sample drawn) and no task came
        tasks = call("list", http.get(user, list), 200, step).json();
        if (tasks.isEmpty()) {
          return;
        }
        break;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(user.id() + " did not get " + step.taskKey() + " of "
            + instance + " within " + TASK_WITHIN);
      }
      emptyLists.incrementAndGet();
      Thread.sleep(10);
      tasks = call("list", http.get(user, list), 200, step).json();
    }
    String task = "/engine-rest/task/" + tasks.get(0).get("id").asText();
    if (step.role().group() != null) {
      call("claim", http.postJson(user, task + "/claim", "{\"userId\":\"" + user.id() + "\"}"),
          204, step);
    }
    call("form variables", http.get(user, task + "/form-variables"), 200, step);
    String submit = BenchHttp.JSON.createObjectNode()
        .set("variables", Tasklist.typed(BenchHttp.JSON, step.values())).toString();
    call("submit form", http.postJson(user, task + "/submit-form", submit), 204, step);
    steps.add(step.name(), Samples.since(start));
  }

  private Answer call(String kind, Answer answer, int expected, Step step) {
    calls.add(kind, answer.millis());
    return expect(answer, expected, step.name() + ": " + kind);
  }

  Samples steps() {
    return steps;
  }

  Samples calls() {
    return calls;
  }

  long emptyLists() {
    return emptyLists.get();
  }
}
