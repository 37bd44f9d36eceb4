package com.careflow.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.careflow.support.ApiClient;
import com.careflow.support.CareFlowSpringTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * SPEC §1.10 against a seeded month, March 2026 (Shanghai time): a complaint closed at 23:30
 * on the 31st counts in March, one closed ten minutes into April does not; one was reopened;
 * one was not upheld; a consultation counts by type only; two returns closed; a complaint and
 * the consultation were closed past their closing limit.
 */
@CareFlowSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonthlyReportTest {

  @LocalServerPort private int port;
  @Autowired private ObjectMapper json;
  @Autowired private JdbcTemplate jdbc;
  @Autowired private MonthlyReviews reviews;

  private ApiClient api;

  @BeforeAll
  void seedMarch() {
    api = new ApiClient(port);
    complaint("9001", "COMPLAINT", true, "PRODUCT_QUALITY", "Production", "Lin", "COMPENSATION",
        "3000", "2026-03-02T09:00:00+08:00", "2026-03-05T10:00:00+08:00", false, 1,
        "VERY_SATISFIED", "VERY_SATISFIED", "VERY_SATISFIED", "VERY_SATISFIED");
    complaint("9002", "COMPLAINT", true, "NON_QUALITY", "Logistics", null, "NONE", null,
        "2026-03-26T10:00:00+08:00", "2026-03-31T23:30:00+08:00", true, 2,
        "SATISFIED", "AVERAGE", "POOR", "AVERAGE");
    complaint("9003", "COMPLAINT", false, null, null, null, null, null,
        "2026-03-10T09:00:00+08:00", "2026-03-10T15:00:00+08:00", false, 1,
        null, null, null, null);
    complaint("9004", "CONSULTATION", null, null, null, null, null, null,
        "2026-03-12T09:00:00+08:00", "2026-03-12T09:05:00+08:00", false, 1,
        null, null, null, null);
    complaint("9005", "COMPLAINT", true, "PRODUCT_QUALITY", "Production", "Lin", "NONE", null,
        "2026-03-30T09:00:00+08:00", "2026-04-01T00:10:00+08:00", false, 1,
        "POOR", "POOR", "POOR", "POOR");
    complaint("9006", "COMPLAINT", true, "PRODUCT_QUALITY", "Production", "Lin", "RETURN", null,
        "2026-03-16T09:00:00+08:00", "2026-03-20T17:00:00+08:00", false, 1,
        "SATISFIED", "SATISFIED", "SATISFIED", "SATISFIED");
    // past the closing limit (SPEC §1.7): a complaint and a consultation, every type counts
    jdbc.update("UPDATE complaint SET closed_late = TRUE "
        + "WHERE number IN ('CP-2603-9002', 'CP-2603-9004')");
    // May 2026: responsibility chosen from the records (SPEC §8.3), one person in two units
    complaint("9201", "COMPLAINT", true, "SERVICE_CONDUCT", "customer-service", "EM-0000-0002",
        "NONE", null, "2026-05-04T09:00:00+08:00", "2026-05-06T10:00:00+08:00", false, 1,
        null, null, null, null);
    complaint("9202", "COMPLAINT", true, "NON_QUALITY", "sales", "EM-0000-0002", "NONE", null,
        "2026-05-11T09:00:00+08:00", "2026-05-12T10:00:00+08:00", false, 1,
        null, null, null, null);
    returned("9001", "SETTLED", 48, "600.00", "2026-03-20T12:00:00+08:00");
    returned("9002", "REJECTED", null, null, "2026-03-25T12:00:00+08:00");
  }

  @Test
  void theMonthsFiguresCountWhatClosedInItInTheCompanysZone() throws Exception {
    JsonNode report = json.readTree(get("csmanager",
        "/api/reports/complaints/monthly?month=2026-03").body());
    assertThat(report.get("month").asText()).isEqualTo("2026-03");
    assertThat(report.get("closedCases").asInt()).isEqualTo(5);
    assertThat(report.get("byType").toString())
        .isEqualTo("{\"COMPLAINT\":4,\"CONSULTATION\":1}");
    assertThat(report.get("complaints").asInt()).isEqualTo(4);
    assertThat(report.get("upheld").asInt()).isEqualTo(3);
    assertThat(report.get("reopened").asInt()).isEqualTo(1);
    assertThat(report.get("byCategory").toString())
        .isEqualTo("{\"PRODUCT_QUALITY\":2,\"NON_QUALITY\":1}");
    assertThat(report.get("byRemedy").toString())
        .isEqualTo("{\"COMPENSATION\":1,\"NONE\":1,\"RETURN\":1}");
    assertThat(report.get("byResponsibleDepartment").toString())
        .isEqualTo("{\"Production\":2,\"Logistics\":1}");
    assertThat(report.get("onTime").asInt()).isEqualTo(3);
    assertThat(report.get("overdue").asInt()).isEqualTo(1);
    assertThat(report.get("onTimeRate").asDouble()).isEqualTo(0.75);
    assertThat(report.get("closedLate").asInt()).isEqualTo(2);
    // 3 (Mon 2 → Thu 5), 3 (Thu 26 → Tue 31), 0 (same day), 4 (Mon 16 → Fri 20)
    assertThat(report.get("averageHandlingWorkingDays").asDouble()).isEqualTo(2.5);
    assertThat(report.get("compensationGranted").decimalValue()).isEqualByComparingTo("3000");
    assertThat(report.get("satisfaction").get("attitude").toString()).isEqualTo(
        "{\"VERY_SATISFIED\":1,\"SATISFIED\":2,\"AVERAGE\":0,\"POOR\":0}");
    assertThat(report.get("satisfaction").get("timeliness").get("POOR").asInt()).isEqualTo(1);
    JsonNode returns = report.get("returns");
    assertThat(returns.get("settled").asInt()).isEqualTo(1);
    assertThat(returns.get("rejected").asInt()).isEqualTo(1);
    assertThat(returns.get("bookedQuantity").asLong()).isEqualTo(48);
    assertThat(returns.get("settlementAmount").decimalValue()).isEqualByComparingTo("600");
    assertThat(report.get("penalties").toString()).isEqualTo(
        "[{\"department\":\"Production\",\"person\":\"Lin\",\"personName\":null,"
            + "\"points\":2,\"complaints\":[\"CP-2603-9001\",\"CP-2603-9006\"],"
            + "\"bonusDeduction\":200.0,\"sanctions\":[]},"
            + "{\"department\":\"Logistics\",\"person\":null,\"personName\":null,"
            + "\"points\":1,\"complaints\":[\"CP-2603-9002\"],\"bonusDeduction\":200.0,"
            + "\"sanctions\":[]}]");
    assertThat(report.get("byResponsiblePerson").toString()).as("a name typed before, as typed")
        .isEqualTo("{\"Lin\":2}");
    JsonNode trend = report.get("onTimeTrend");
    assertThat(trend).hasSize(12);
    assertThat(trend.get(0).get("month").asText()).isEqualTo("2025-04");
    assertThat(trend.get(11).toString())
        .isEqualTo("{\"month\":\"2026-03\",\"closed\":4,\"onTime\":3,\"rate\":0.75}");
    assertThat(trend.get(10).get("rate").isNull()).isTrue();

    JsonNode april = json.readTree(get("csmanager",
        "/api/reports/complaints/monthly?month=2026-04").body());
    assertThat(april.get("complaints").asInt()).as("closed 00:10 on 1 April").isEqualTo(1);
  }

  @Test
  void theCsvHasOneLinePerClosedCaseWithLabelsAndLocalTimesInChineseByDefault() throws Exception {
    HttpResponse<String> response = get("gmoffice",
        "/api/reports/complaints/monthly.csv?month=2026-03");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("text/csv;charset=UTF-8");
    assertThat(response.headers().firstValue("Content-Disposition"))
        .hasValue("attachment; filename=\"complaints-2026-03-Asia_Shanghai.csv\"");
    List<String> lines = response.body().lines().toList();
    assertThat(lines.get(0)).startsWith("\uFEFF");
    assertThat(Arrays.asList(lines.get(0).substring(1).split(","))).containsExactly(
        "案件编号", "类型", "渠道", "分类", "投诉成立", "责任部门", "责任人", "处理方式",
        "折扣或赔款金额（元）", "登记时间", "结案时间", "结案工作日数", "按时", "按期结案", "处理轮次",
        "满意度：服务态度", "满意度：专业技能", "满意度：及时性", "满意度：承诺事项办理", "扣分",
        "责任认定", "责任比率（%）", "损失金额（元）", "绩效奖金罚扣（元）", "行政处分", "二次投诉",
        "列入改善追踪");
    assertThat(lines).hasSize(6);
    assertThat(lines.get(5)).isEqualTo("CP-2603-9002,投诉,电话,非质量问题,是,Logistics,"
        + ",仅作解释,,2026-03-26 10:00,2026-03-31 23:30,3,否,否,2,满意,一般,较差,一般,1,"
        + "拟定（尚未认定）,100,0.00,200.00,无,是,否");
    assertThat(lines).anySatisfy(line -> assertThat(line)
        .startsWith("CP-2603-9003,投诉,电话,,否,").endsWith(",0,是,是,1,,,,,0,,,,,,,"));
    assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("CP-2603-9004,咨询,电话,,,"));
    assertThat(lines).noneMatch(line -> line.startsWith("CP-2604-9005"));
    assertThat(response.body()).doesNotContain("NON_QUALITY", "SATISFIED", "T02:00", "Z,");
  }

  @Test
  void aReaderWhoseBrowserAsksForEnglishGetsTheCsvInEnglish() throws Exception {
    HttpResponse<String> response = api.send(api.request("gmoffice",
        "/api/reports/complaints/monthly.csv?month=2026-03").header("Accept-Language", "en-GB"));
    List<String> lines = response.body().lines().toList();
    assertThat(lines.get(0)).startsWith("\uFEFFCase number,Type,Channel,Category,Upheld,");
    assertThat(lines.get(5)).isEqualTo("CP-2603-9002,Complaint,Phone,Not a quality issue,Yes,"
        + "Logistics,,Explanation only,,2026-03-26 10:00,2026-03-31 23:30,3,No,No,2,Satisfied,"
        + "Average,Poor,Average,1,Proposed (not yet decided),100,0.00,200.00,None,Yes,No");
  }

  @Test
  void aFormulaTypedIntoACaseIsTextInTheCsvNotAFormula() throws Exception {
    complaint("9101", "COMPLAINT", true, "SERVICE_CONDUCT", "+Sales",
        "=HYPERLINK(\"http://evil.example\",\"Zhang\")", "NONE", null,
        "2025-02-10T10:00:00+08:00", "2025-02-20T10:00:00+08:00", false, 1, null, null, null,
        null);
    String csv = get("gmoffice", "/api/reports/complaints/monthly.csv?month=2025-02").body();
    assertThat(csv).contains(",'+Sales,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Zhang\"\")\",")
        .doesNotContain(",=HYPERLINK", ",\"=HYPERLINK", ",+Sales");
  }

  @Test
  void thePageShowsTheFiguresChartsAndThePublishedReviewInChinese() throws Exception {
    reviews.compiled("2026-03", "test", "{}", OffsetDateTime.parse("2026-04-01T08:00:00+08:00")
        .toInstant());
    reviews.published("2026-03", "Production: 2 points; Lin to retrain.", "gmoffice", "gm",
        OffsetDateTime.parse("2026-04-08T00:30:00+08:00").toInstant());
    HttpResponse<String> page = get("vp", "/reports/complaints/monthly?month=2026-03");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    assertThat(page.body())
        .contains("<html lang=\"zh\"", "<h1>2026-03 结案的投诉</h1>", "<b id=\"complaints\">4</b>",
            "<b id=\"upheld\">3</b>", "<b id=\"on-time-rate\">75%</b>",
            "<b id=\"handling-days\">2.5</b>", "<b id=\"closed-late\">2</b>", "件超过结案期限",
            "由 gmoffice 审视，2026-04-08 发布", "奖罚通知单由 gm 批准。",
            "时间为 Asia/Shanghai 时区", "Production: 2 points; Lin to retrain.",
            "monthly.csv?month=2026-03")
        .contains("<svg", "产品质量", ">75%</text>", "非常满意", "服务态度", "<td>赔款</td>")
        .doesNotContain("<script", "PRODUCT_QUALITY", "VERY_SATISFIED", "COMPENSATION");
    assertThat(page.body().split("<svg", -1)).hasSize(4);
  }

  @Test
  void aPersonChosenFromTheRecordsIsShownByNameAndTheirPointsAreOnePenalty() throws Exception {
    JsonNode may = json.readTree(get("gm", "/api/reports/complaints/monthly?month=2026-05")
        .body());
    assertThat(may.get("penalties")).singleElement().satisfies(penalty -> {
      assertThat(penalty.get("person").asText()).isEqualTo("EM-0000-0002");
      assertThat(penalty.get("personName").asText()).isEqualTo("Zhao Lei (DEMO agent)");
      assertThat(penalty.get("department").asText()).isEqualTo("customer-service, sales");
      assertThat(penalty.get("points").asInt()).isEqualTo(2);
      assertThat(penalty.get("complaints").toString())
          .isEqualTo("[\"CP-2605-9201\",\"CP-2605-9202\"]");
    });
    assertThat(may.get("byResponsiblePerson").toString())
        .isEqualTo("{\"Zhao Lei (DEMO agent) (EM-0000-0002)\":2}");
    assertThat(may.get("byResponsibleDepartment").toString()).as("ids in the API")
        .isEqualTo("{\"customer-service\":1,\"sales\":1}");
    String csv = get("gm", "/api/reports/complaints/monthly.csv?month=2026-05").body();
    assertThat(csv).contains("CP-2605-9201,投诉,电话,服务问题,是,客户服务部,"
        + "Zhao Lei (DEMO agent) (EM-0000-0002),");
    assertThat(get("gm", "/reports/complaints/monthly?month=2026-05").body())
        .contains("<td>客户服务部, 销售部</td><td>Zhao Lei (DEMO agent) (EM-0000-0002)</td>",
            "<td>CP-2605-9201, CP-2605-9202</td>", "<td>客户服务部</td>")
        .doesNotContain("<td>customer-service</td>");
  }

  @Test
  void theHalfYearSummaryCountsTheSixMonthsUpToAMonth() throws Exception {
    JsonNode half = json.readTree(get("gmoffice",
        "/api/reports/complaints/half-year?until=2026-05").body());
    assertThat(half.get("month").asText()).isEqualTo("2025-12/2026-05");
    // March's four complaints and consultation, April's complaint, May's two complaints
    assertThat(half.get("closedCases").asInt()).isEqualTo(8);
    assertThat(half.get("complaints").asInt()).isEqualTo(7);
    assertThat(half.get("upheld").asInt()).isEqualTo(6);
    assertThat(half.get("penalties").get(0).get("person").asText()).isEqualTo("Lin");
    assertThat(half.get("penalties").get(0).get("points").asInt()).isEqualTo(3);
    assertThat(half.get("onTimeTrend")).extracting(month -> month.get("month").asText())
        .containsExactly("2025-12", "2026-01", "2026-02", "2026-03", "2026-04", "2026-05");
    assertThat(half.get("returns").get("settled").asInt()).isEqualTo(1);
    HttpResponse<String> page = get("gm", "/reports/complaints/half-year?until=2026-05");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<h1>2025-12/2026-05 结案的投诉（半年汇总）</h1>",
        "六个月按时结案率", "/api/reports/complaints/half-year?until=2026-05")
        .doesNotContain("尚未审视");
    assertThat(get("gm", "/reports/complaints/monthly?month=2026-05").body())
        .contains("/reports/complaints/half-year?until=2026-05");
    HttpResponse<String> future = get("gm", "/api/reports/complaints/half-year?until=2099-05");
    assertThat(future.statusCode()).isEqualTo(400);
    assertThat(json.readTree(future.body()).get("errors").findValuesAsText("field"))
        .containsExactly("until");
    assertThat(get("agent", "/api/reports/complaints/half-year?until=2026-05").statusCode())
        .isEqualTo(403);
  }

  @Test
  void thePageIsInEnglishForABrowserAskingForEnglish() throws Exception {
    HttpResponse<String> page = api.send(api.request("vp",
        "/reports/complaints/monthly?month=2026-03").header("Accept-Language", "en-US,en;q=0.9"));
    assertThat(page.body()).contains("<html lang=\"en\"", "Complaints closed in 2026-03",
        "Product quality", "Very satisfied", "Times in Asia/Shanghai.");
  }

  @Test
  void withoutAMonthTheReportOpensOnTheLatestMonthWithClosedCases() throws Exception {
    String latest = YearMonth.from(jdbc.queryForObject("SELECT MAX(closed_at) FROM complaint "
        + "WHERE closed_at <= CURRENT_TIMESTAMP", java.sql.Timestamp.class).toInstant()
        .atZone(java.time.ZoneId.of("Asia/Shanghai"))).toString();
    assertThat(json.readTree(get("gm", "/api/reports/complaints/monthly").body()).get("month")
        .asText()).isEqualTo(latest);
    HttpResponse<String> page = get("gm", "/reports/complaints/monthly");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<h1>" + latest + " 结案的投诉</h1>");
  }

  @ParameterizedTest(name = "month={0}")
  @CsvSource({"2026-13", "March", "2099-01", "''"})
  void aBadMonthIs400NamingIt(String month) throws Exception {
    for (String path : List.of("/api/reports/complaints/monthly?month=",
        "/api/reports/complaints/monthly.csv?month=")) {
      HttpResponse<String> response = get("csmanager", path + month);
      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValue("application/problem+json");
      assertThat(json.readTree(response.body()).get("errors").findValuesAsText("field"))
          .containsExactly("month");
    }
  }

  @Test
  void onlyManagersReadTheReport() throws Exception {
    assertThat(get("agent", "/api/reports/complaints/monthly?month=2026-03").statusCode())
        .isEqualTo(403);
    assertThat(get("warehouse", "/reports/complaints/monthly?month=2026-03").statusCode())
        .isEqualTo(403);
    HttpResponse<String> anonymous =
        api.send(api.anonymous("/reports/complaints/monthly").GET());
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("WWW-Authenticate")).isPresent();
  }

  @Test
  void theIndexPageLinksTheAppsAndTheReport() throws Exception {
    HttpResponse<String> index = api.send(api.anonymous("/").GET());
    assertThat(index.statusCode()).isEqualTo(200);
    assertThat(index.body()).contains("/camunda/app/tasklist/", "/camunda/app/cockpit/",
        "/reports/complaints/monthly");
  }

  private void complaint(String serial, String type, Boolean upheld, String category,
      String department, String person, String remedy, String compensation, String registered,
      String closed, boolean overdue, int round, String attitude, String skill,
      String timeliness, String promise) {
    Timestamp registeredAt = Timestamp.from(OffsetDateTime.parse(registered).toInstant());
    String period = "26" + registered.substring(5, 7);
    jdbc.update("""
        INSERT INTO complaint (number, period, serial, complaint_type, channel, customer_name,
          customer_phone, customer_region, subject, description, resolved_on_first_contact,
          registered_at, registered_by, status, category, complaint_valid, remedy, overdue,
          handling_round, closed_at, responsible_department, responsible_person,
          compensation_amount, satisfaction_attitude, satisfaction_skill,
          satisfaction_timeliness, satisfaction_promise)
        VALUES (?, ?, ?, ?, 'PHONE', 'Seeded', '13800000000', 'DOMESTIC', 'Seeded', 'Seeded',
          FALSE, ?, 'agent', 'CLOSED', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        "CP-" + period + "-" + serial, period, Integer.parseInt(serial), type, registeredAt,
        category, upheld, remedy, overdue, round,
        Timestamp.from(OffsetDateTime.parse(closed).toInstant()), department, person,
        compensation == null ? null : new BigDecimal(compensation), attitude, skill,
        timeliness, promise);
  }

  private void returned(String serial, String status, Integer booked, String amount,
      String closed) {
    Timestamp closedAt = Timestamp.from(OffsetDateTime.parse(closed).toInstant());
    jdbc.update("""
        INSERT INTO product_return (number, period, serial, customer_name, customer_phone,
          customer_region, claimed_on, description, requested_at, process_instance_id, status,
          booked_quantity, settlement_amount, closed_at)
        VALUES (?, '2603', ?, 'Seeded', '13800000000', 'DOMESTIC', DATE '2026-03-01', 'Seeded',
          ?, 'seeded', ?, ?, ?, ?)""",
        "RT-2603-" + serial, Integer.parseInt(serial), closedAt, status, booked,
        amount == null ? null : new BigDecimal(amount), closedAt);
  }

  private HttpResponse<String> get(String user, String path) throws Exception {
    return api.get(user, path);
  }
}
