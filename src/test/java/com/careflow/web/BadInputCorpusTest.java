package com.careflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.careflow.support.ApiClient;
import com.careflow.support.CareFlowSpringTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * SPEC §7.7: a corpus of bad requests against every POST and PUT of CareFlow's API. Each is
 * answered with a 4xx problem, never a 5xx, and stores nothing and starts nothing. The corpus
 * is built from one good body per endpoint: the body broken as a whole (not JSON, truncated,
 * trailing garbage, duplicate keys, too deep, too large, the wrong content type, bytes that are
 * not UTF-8, a field the endpoint does not know), and each of its values replaced by what that
 * kind of value must never be (text for a number, a number for a date, a date-time, an
 * impossible date or one with a trailing NUL for a date, half a surrogate pair for text, a
 * position for a code, ...).
 */
@CareFlowSpringTest
class BadInputCorpusTest {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern CODE = Pattern.compile("[A-Z][A-Z_]+");
  /** Stands for {@code "a\ud800b"} (half a surrogate pair), written into the body as JSON. */
  private static final String LONE_SURROGATE = "\"LONE-SURROGATE-HERE\"";
  private static final List<String> REGISTERS = List.of("complaint", "product_return",
      "employee", "employee_performance_score", "employee_disciplinary_action",
      "employee_certificate", "employee_course_result", "promotion", "promotion_competition",
      "api_idempotency", "customer_notification");

  /** An endpoint, who may call it, and a body it takes. */
  record Endpoint(String name, String method, String path, String user, String body) {}

  @LocalServerPort private int port;
  @Autowired private JdbcTemplate jdbc;
  @Autowired private HistoryService history;

  private ApiClient api;

  @BeforeEach
  void connect() {
    api = new ApiClient(port);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void aBadRequestIs4xxAndChangesNothing(String what, Endpoint endpoint, byte[] body,
      String contentType) throws Exception {
    String path = endpoint.path().replace("{competition}", openCompetition());
    List<Long> before = stored();
    HttpRequest.Builder request = api.request(endpoint.user(), path)
        .header("Content-Type", contentType)
        .method(endpoint.method(), BodyPublishers.ofByteArray(body));
    HttpResponse<String> response = api.send(request);

    assertThat(response.statusCode()).as(what + " → " + response.body())
        .isBetween(400, 499);
    assertThat(response.headers().firstValue("Content-Type")).as(what)
        .hasValue("application/problem+json");
    assertThat(response.body()).as(what).doesNotContain("Exception", "at com.", "at org.");
    assertThat(stored()).as(what + ": nothing stored or started").isEqualTo(before);
  }

  static Stream<Arguments> corpus() {
    String today = LocalDate.now().toString();
    List<Endpoint> endpoints = List.of(
        new Endpoint("complaint", "POST", "/api/complaints", "agent", """
            {"channel":"PHONE","type":"COMPLAINT","subject":"Sour","description":"Sour taste.",
             "orderNumber":"SO-1","productBatch":"B-1","shippedOn":"2026-11-01",
             "claimedAmount":120.5,"resolvedOnFirstContact":false,
             "customer":{"name":"Wang","phone":"13800000000","address":"Shanghai",
             "region":"DOMESTIC"}}"""),
        new Endpoint("return", "POST", "/api/returns", "sales", """
            {"customer":{"name":"Qian","phone":"13900000000","region":"DOMESTIC"},
             "orderNumber":"SO-2","productBatch":"B-2","shippedOn":"2026-11-05",
             "claimedOn":"2026-11-06","description":"Sediment.","claimedQuantity":120,
             "handling":"RETURN","overAcceptanceRatio":0.05}"""),
        new Endpoint("hire", "POST", "/api/employees", "hr", """
            {"name":"Lin","userId":"corpus1","email":"lin@example.com",
             "department":"customer-service","position":"Agent","grade":1,"payLevel":1,
             "startDate":"%s","probationMonths":3,"mentor":"agent"}""".formatted(today)),
        new Endpoint("score", "PUT", "/api/employees/EM-0000-0001/performance-scores/2026-10",
            "hr", "{\"score\":80}"),
        new Endpoint("discipline", "POST", "/api/employees/EM-0000-0001/disciplinary-actions",
            "hr", "{\"actionOn\":\"2026-11-02\",\"kind\":\"WARNING\",\"reason\":\"Late\"}"),
        new Endpoint("certificate", "POST", "/api/employees/EM-0000-0001/certificates", "hr",
            "{\"kind\":\"INTERNAL_LECTURER\",\"issuedOn\":\"2026-06-01\",\"reference\":\"IL-9\"}"),
        new Endpoint("course", "POST", "/api/employees/EM-0000-0001/course-results", "hr",
            "{\"level\":\"JUNIOR\",\"score\":78,\"completedOn\":\"2026-01-10\"}"),
        new Endpoint("nomination", "POST", "/api/promotions", "csmanager", """
            {"employeeId":"EM-0000-0001","promotionType":"POSITION","track":"PERIODIC",
             "targetGrade":3,"targetPosition":"Team lead","evaluation":"Good",
             "selfReport":"Self","supervisorRecommendation":"Yes","examples":"Many"}"""),
        new Endpoint("competition", "POST", "/api/promotions/competitions", "hr", """
            {"post":"Lead","targetGrade":4,"places":1,"eligibility":"Grade 3",
             "closesOn":"2999-12-31","panel":["gm","hrmanager"]}"""),
        new Endpoint("candidacy", "POST", "/api/promotions/competitions/{competition}/candidates",
            "agent", "{\"employeeId\":\"EM-0000-0001\",\"selfReport\":\"Me\"}"));

    List<Arguments> corpus = new ArrayList<>();
    for (Endpoint endpoint : endpoints) {
      String good = endpoint.body().replaceAll("\\s*\n\\s*", "");
      Map<String, byte[]> broken = new LinkedHashMap<>();
      broken.put("an empty body", new byte[0]);
      broken.put("not JSON", utf8("this is not JSON"));
      broken.put("truncated JSON", utf8(good.substring(0, good.length() / 2)));
      broken.put("trailing garbage", utf8(good + " }}x"));
      broken.put("two documents", utf8(good + good));
      broken.put("duplicate keys", utf8(duplicateFirstKey(good)));
      broken.put("an array", utf8("[" + good + "]"));
      broken.put("null", utf8("null"));
      broken.put("a string", utf8("\"" + good.replace("\"", "'") + "\""));
      broken.put("nested 5000 deep", utf8("{\"a\":".repeat(5000) + "1" + "}".repeat(5000)));
      broken.put("a 16 MB body", utf8(good.substring(0, good.length() - 1)
          + ",\"padding\":\"" + "x".repeat(16 * 1024 * 1024) + "\"}"));
      broken.put("an unknown field", utf8(good.substring(0, good.length() - 1)
          + ",\"claimedAmout\":1}"));
      broken.put("bytes that are not UTF-8", concat(utf8(good.substring(0, 10)),
          new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF}, utf8(good.substring(10))));
      broken.forEach((what, body) -> corpus.add(Arguments.of(endpoint.name() + ": " + what,
          endpoint, body, "application/json")));
      corpus.add(Arguments.of(endpoint.name() + ": as text/plain", endpoint, utf8(good),
          "text/plain"));
      corpus.add(Arguments.of(endpoint.name() + ": as a form", endpoint, utf8("a=1&b=2"),
          "application/x-www-form-urlencoded"));

      JsonNode tree = read(good);
      for (Map.Entry<String, Function<JsonNode, JsonNode>> field : leaves(tree).entrySet()) {
        JsonNode value = field.getValue().apply(tree);
        for (Map.Entry<String, JsonNode> wrong : wrongValuesFor(value).entrySet()) {
          JsonNode spoilt = tree.deepCopy();
          replace(spoilt, field.getKey(), wrong.getValue());
          corpus.add(Arguments.of(endpoint.name() + ": " + field.getKey() + " " + wrong.getKey(),
              endpoint, utf8(spoilt.toString().replace(LONE_SURROGATE, "\"a\\ud800b\"")),
              "application/json"));
        }
      }
    }
    return corpus.stream();
  }

  /** What a value of this kind must never be. */
  private static Map<String, JsonNode> wrongValuesFor(JsonNode value) {
    Map<String, JsonNode> wrong = new LinkedHashMap<>();
    wrong.put("as an object", NODES.objectNode().put("a", 1));
    wrong.put("as an array", NODES.arrayNode().add(1));
    if (value.isNumber()) {
      wrong.put("as text", NODES.textNode(value.asText()));
      wrong.put("as true", NODES.booleanNode(true));
      wrong.put("as 1e400", NODES.numberNode(new java.math.BigDecimal("1e400")));
      wrong.put("as -1e12", NODES.numberNode(new java.math.BigDecimal("-1e12")));
    } else if (value.isBoolean()) {
      wrong.put("as text", NODES.textNode(value.asText()));
      wrong.put("as 1", NODES.numberNode(1));
    } else if (value.isTextual() && DATE.matcher(value.asText()).matches()) {
      wrong.put("as a bare number", NODES.numberNode(20261101));
      wrong.put("as a date-time", NODES.textNode(value.asText() + "T10:00:00"));
      wrong.put("in the year -999999999", NODES.textNode("-999999999-01-01"));
      wrong.put("in the year 10000", NODES.textNode("+10000-01-01"));
      wrong.put("on 30 February", NODES.textNode("2026-02-30"));
      wrong.put("in US order", NODES.textNode("11/01/2026"));
      wrong.put("with a trailing NUL character", NODES.textNode(value.asText() + "\u0000"));
    } else if (value.isTextual()) {
      wrong.put("as a number", NODES.numberNode(123));
      wrong.put("as true", NODES.booleanNode(true));
      wrong.put("10 001 characters long", NODES.textNode("x".repeat(10_001)));
      wrong.put("with a NUL character", NODES.textNode("a\u0000b"));
      wrong.put("with half a surrogate pair", NODES.textNode(LONE_SURROGATE.replace("\"", "")));
      if (CODE.matcher(value.asText()).matches()) {
        wrong.put("as an unknown code", NODES.textNode("NOT_A_CODE"));
        wrong.put("as its position in the list", NODES.numberNode(0));
      }
    }
    return wrong;
  }

  /** Every leaf of the body, by its path ({@code customer.phone}, {@code panel[0]}). */
  private static Map<String, Function<JsonNode, JsonNode>> leaves(JsonNode tree) {
    Map<String, Function<JsonNode, JsonNode>> leaves = new LinkedHashMap<>();
    collect(tree, "", leaves);
    return leaves;
  }

  private static void collect(JsonNode node, String path,
      Map<String, Function<JsonNode, JsonNode>> leaves) {
    if (node.isObject()) {
      node.fieldNames().forEachRemaining(name ->
          collect(node.get(name), path.isEmpty() ? name : path + "." + name, leaves));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collect(node.get(i), path + "[" + i + "]", leaves);
      }
    } else {
      leaves.put(path, root -> at(root, path));
    }
  }

  private static JsonNode at(JsonNode root, String path) {
    JsonNode node = root;
    for (String step : path.split("\\.")) {
      int bracket = step.indexOf('[');
      node = bracket < 0 ? node.get(step) : node.get(step.substring(0, bracket))
          .get(Integer.parseInt(step.substring(bracket + 1, step.length() - 1)));
    }
    return node;
  }

  private static void replace(JsonNode root, String path, JsonNode value) {
    int dot = path.lastIndexOf('.');
    JsonNode parent = dot < 0 ? root : at(root, path.substring(0, dot));
    String last = dot < 0 ? path : path.substring(dot + 1);
    int bracket = last.indexOf('[');
    if (bracket < 0) {
      ((ObjectNode) parent).set(last, value);
    } else {
      ((ArrayNode) parent.get(last.substring(0, bracket)))
          .set(Integer.parseInt(last.substring(bracket + 1, last.length() - 1)), value);
    }
  }

  private static String duplicateFirstKey(String good) {
    JsonNode tree = read(good);
    String first = tree.fieldNames().next();
    return "{\"" + first + "\":" + tree.get(first) + "," + good.substring(1);
  }

  private static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[]... parts) {
    java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
    for (byte[] part : parts) {
      all.writeBytes(part);
    }
    return all.toByteArray();
  }

  private String competition;

  /** An open competition for the candidacy endpoint, published once per test instance. */
  private String openCompetition() throws Exception {
    if (competition == null) {
      competition = JSON.readTree(api.postJson(api.request("hr",
          "/api/promotions/competitions"), "{\"post\":\"Corpus lead\",\"targetGrade\":4,"
          + "\"places\":1,\"closesOn\":\"2999-12-31\",\"panel\":[\"gm\"]}").body())
          .get("id").asText();
    }
    return competition;
  }

  private List<Long> stored() {
    List<Long> counts = new ArrayList<>();
    for (String table : REGISTERS) {
      counts.add(jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class));
    }
    counts.add(history.createHistoricProcessInstanceQuery().count());
    return counts;
  }
}
