package com.careflow.bench;

import static com.careflow.bench.BenchHttp.expect;

import com.careflow.bench.BenchHttp.Answer;
import com.careflow.bench.BenchHttp.User;
import java.util.List;

/**
 * W2: the same complaint registered through CareFlow's intake API and started through
 * Camunda's REST API with the start form's values (which CareFlow's start listener numbers and
 * registers the same way), by agents, N requests at a concurrency.
 */
final class IntakeRuns {

  /** The two ways in. */
  enum Door {
    API("POST /api/complaints", "/api/complaints", 201),
    ENGINE_REST("engine-rest start", "/engine-rest/process-definition/key/complaint-handling/start",
        200);

    final String label;
    final String path;
    final int status;

    Door(String label, String path, int status) {
      this.label = label;
      this.path = path;
      this.status = status;
    }

    String body() {
      return this == API ? ComplaintPayload.intakeBody() : ComplaintPayload.engineStartBody();
    }
  }

  /**
   * One door at one concurrency: back to back ({@code meanPauseMillis} 0), or agents at a
   * person's pace, each pausing about {@code meanPauseMillis} between intakes.
   */
  record Result(Door door, Load.Result load, Stats latency, long meanPauseMillis) {
    boolean paced() {
      return meanPauseMillis > 0;
    }
  }

  private final BenchHttp http;
  private final Gauges gauges;
  private final List<Team> teams;

  IntakeRuns(BenchHttp http, Gauges gauges, List<Team> teams) {
    this.http = http;
    this.gauges = gauges;
    this.teams = teams;
  }

  Result run(Door door, int requests, int concurrency) throws Exception {
    return run(door, requests, concurrency, 0);
  }

  /** {@code concurrency} agents, each registering, then pausing about {@code meanPauseMillis}. */
  Result run(Door door, int requests, int concurrency, long meanPauseMillis)
      throws Exception {
    Samples latency = new Samples();
    String body = door.body();
    Load.Result load = Load.run(requests, concurrency, meanPauseMillis, gauges, worker -> {
      User agent = teams.get(worker % teams.size()).agent();
      Answer answer = expect(http.postJson(agent, door.path, body), door.status, door.label);
      latency.add(door.label, answer.millis());
    }, () -> { });
    Result result = new Result(door, load, latency.stats().getOrDefault(door.label, Stats.NONE),
        meanPauseMillis);
    System.out.printf("[bench] W2 %-25s c=%-3d pause %5d ms %5d req %7.1f s %7.1f req/s "
        + "p95 %6.1f ms%n", door.label, concurrency, meanPauseMillis, requests, load.seconds(),
        load.perSecond(), result.latency().p95());
    return result;
  }
}
