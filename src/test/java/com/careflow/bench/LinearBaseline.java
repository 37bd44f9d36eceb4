package com.careflow.bench;

import static com.careflow.bench.BenchHttp.expect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * W0: the bare-engine baseline. {@code bench/linear-baseline.bpmn} has the complaint's six
 * worked tasks in a row and nothing else; it is started through {@code /engine-rest} with the
 * same start form values as a Tasklist start of a complaint, and its tasks are worked with the
 * same values, by the same people, through the same calls ({@link CaseDriver}).
 *
 * <p>It keeps as many variables per case as a finished complaint, of the same sizes (as issue 18
 * asks): the variables CareFlow's procedure adds to those the forms send (the case number, the
 * deadlines, the decisions, the staff lists the forms offer, the register's status) are given
 * to W0 at its start as text fields of the same lengths ({@link #padding}).
 *
 * <p>It runs inside CareFlow's engine (same engine configuration, database and plugins), so
 * its forms must hold its values as CareFlow's do: the deployment carries copies of the
 * complaint's forms, renamed {@code bench-…}, whose dynamic options (a list the task's input
 * parameters would fill) accept any value, and whose start form also has the padding fields.
 */
final class LinearBaseline implements Lifecycle {

  static final String PROCESS_KEY = "bench-linear";
  private static final String START_FORM = "register-contact";

  private static final List<String> FORMS = List.of("register-contact", "triage-complaint",
      "investigate-complaint", "instruct-on-investigation", "propose-remedy", "approve-remedy",
      "record-feedback");

  private final String name;
  private final List<Integer> padding;

  /** W0 whose start also sets text variables of these lengths ({@link #padding}). */
  LinearBaseline(String name, List<Integer> padding) {
    this.name = name;
    this.padding = List.copyOf(padding);
  }

  /**
   * The lengths of the variables a finished complaint keeps beyond those W0's own start and
   * tasks set (by name, one for one): what W0 must add to keep as many, as large. Read from
   * the complaints W1 finished in this database.
   */
  static List<Integer> padding(Connection database) throws SQLException {
    Map<String, Integer> own = new HashMap<>();
    ComplaintPayload.startFormValues().keySet().forEach(key -> own.merge(key, 1, Integer::sum));
    ComplaintLifecycle.TASKS.forEach(step -> step.values().keySet()
        .forEach(key -> own.merge(key, 1, Integer::sum)));
    List<Integer> lengths = new ArrayList<>();
    try (PreparedStatement query = database.prepareStatement("""
        WITH done AS (SELECT id_ FROM act_hi_procinst
                      WHERE proc_def_key_ = ? AND end_time_ IS NOT NULL)
        SELECT v.name_, ROUND(COUNT(*)::numeric / (SELECT COUNT(*) FROM done)),
          ROUND(AVG(COALESCE(octet_length(v.text_), 0) + COALESCE(octet_length(b.bytes_), 0)
            + CASE WHEN v.long_ IS NOT NULL OR v.double_ IS NOT NULL THEN 8 ELSE 0 END))
        FROM act_hi_varinst v JOIN done ON done.id_ = v.proc_inst_id_
          LEFT JOIN act_ge_bytearray b ON b.id_ = v.bytearray_id_
        GROUP BY v.name_ ORDER BY v.name_""")) {
      query.setString(1, ComplaintLifecycle.PROCESS_KEY);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          int extra = rows.getInt(2) - own.getOrDefault(rows.getString(1), 0);
          for (int i = 0; i < extra; i++) {
            lengths.add(Math.max(1, rows.getInt(3)));
          }
        }
      }
    }
    if (lengths.isEmpty()) {
      throw new IllegalStateException("No finished complaint to measure W0's variables by");
    }
    return lengths;
  }

  /** The model and the renamed forms, to deploy as the administrator. */
  static Map<String, byte[]> deployment(List<Integer> padding) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("linear-baseline.bpmn", resource("bench/linear-baseline.bpmn"));
    for (String form : FORMS) {
      try {
        ObjectNode schema = (ObjectNode) BenchHttp.JSON.readTree(resource("forms/" + form
            + ".form"));
        schema.put("id", "bench-" + form);
        withoutDynamicOptions(schema);
        if (form.equals(START_FORM)) {
          ArrayNode components = (ArrayNode) schema.get("components");
          for (int i = 0; i < padding.size(); i++) {
            components.addObject().put("type", "textfield").put("key", paddingName(i))
                .put("label", "Padding " + (i + 1));
          }
        }
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

  private static String paddingName(int index) {
    return "padding" + (index + 1);
  }

  @Override
  public String start(BenchHttp http, Team team) {
    Map<String, Object> values = ComplaintPayload.startFormValues();
    for (int i = 0; i < padding.size(); i++) {
      values.put(paddingName(i), "x".repeat(padding.get(i)));
    }
    return expect(http.postJson(team.agent(), "/engine-rest/process-definition/key/"
        + PROCESS_KEY + "/start", ComplaintPayload.engineStartBody(values)), 200,
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
