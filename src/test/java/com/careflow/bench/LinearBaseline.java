package com.careflow.bench;

import static com.careflow.bench.BenchHttp.expect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * W0: the bare-engine baseline. {@code bench/linear-baseline.bpmn} has the complaint's six
 * worked tasks in a row and nothing else; it is started through {@code /engine-rest} with the
 * same start form values as a Tasklist start of a complaint, and its tasks are worked with the
 * same values, by the same people, through the same calls ({@link CaseDriver}).
 *
 * <p>It runs inside CareFlow's engine (same engine configuration, database and plugins), so
 * its forms must hold its values as CareFlow's do: the deployment carries copies of the
 * complaint's forms, renamed {@code bench-…}, whose dynamic options (a list the task's input
 * parameters would fill) accept any value.
 */
final class LinearBaseline implements Lifecycle {

  static final String PROCESS_KEY = "bench-linear";

  private static final List<String> FORMS = List.of("register-contact", "triage-complaint",
      "investigate-complaint", "instruct-on-investigation", "propose-remedy", "approve-remedy",
      "record-feedback");

  private final String name;

  LinearBaseline(String name) {
    this.name = name;
  }

  /** The model and the renamed forms, to deploy as the administrator. */
  static Map<String, byte[]> deployment() {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("linear-baseline.bpmn", resource("bench/linear-baseline.bpmn"));
    for (String form : FORMS) {
      try {
        ObjectNode schema = (ObjectNode) BenchHttp.JSON.readTree(resource("forms/" + form
            + ".form"));
        schema.put("id", "bench-" + form);
        withoutDynamicOptions(schema);
        files.put("bench-" + form + ".form", BenchHttp.JSON.writeValueAsBytes(schema));
      } catch (IOException e) {
        throw new UncheckedIOException(form, e);
      }
    }
    return files;
  }

  private static void withoutDynamicOptions(JsonNode component) {
    if (component instanceof ObjectNode object) {
      object.remove("valuesKey");
    }
    component.path("components").forEach(LinearBaseline::withoutDynamicOptions);
  }

  private static byte[] resource(String path) {
    try (InputStream in = LinearBaseline.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("Not on the classpath: " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(path, e);
    }
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String start(BenchHttp http, Team team) {
    return expect(http.postJson(team.agent(), "/engine-rest/process-definition/key/"
        + PROCESS_KEY + "/start", ComplaintPayload.engineStartBody()), 200,
        "start " + PROCESS_KEY).json().get("id").asText();
  }

  @Override
  public List<Step> steps() {
    return ComplaintLifecycle.TASKS;
  }

  @Override
  public String finishedQuery() {
    return "SELECT COUNT(*) FROM act_hi_procinst WHERE id_ = ANY(?) AND end_time_ IS NOT NULL";
  }
}
