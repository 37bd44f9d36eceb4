package com.careflow.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.careflow.support.ApiClient;
import com.careflow.support.CareFlowSpringTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * SPEC §1.5, §1.10 on the monthly report: what the GM office decided is what the figures count
 * (the unit, an outside party included, the person, the share), each upheld complaint's loss by
 * the loss standard (the approved money; the value of the goods a return took back), and per
 * responsible unit the losses, bonus deductions, sanctions, second complaints and improvements
 * under tracking, on the API, the page and the CSV in the reader's language. July 2025, seeded.
 */
@CareFlowSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResponsibilityReportTest {

  @LocalServerPort private int port;
  @Autowired private ObjectMapper json;
  @Autowired private JdbcTemplate jdbc;
  @Autowired private ResponsibilityDecisions decisions;

  private ApiClient api;

  @BeforeAll
  void seedJuly() {
    api = new ApiClient(port);
    // A: compensation 1200 CNY, proposed to quality; the office charges 60% to a supplier
    complaint("9501", "PRODUCT_QUALITY", "quality", null, "COMPENSATION", "1200", 1, false);
    decisions.record(new ResponsibilityDecisions.Decision("CP-2507-9501", "2025-07", null,
        "supplier-materials", null, 60, true, "The raw material was faulty.", "gmoffice",
        Instant.now()));
    // B: a second complaint against agent2, improvement tracked; the office confirms it
    complaint("9502", "SERVICE_CONDUCT", "customer-service", "EM-0000-0002", "NONE", null, 2,
        true);
    decisions.record(new ResponsibilityDecisions.Decision("CP-2507-9502", "2025-07",
        "customer-service", null, "EM-0000-0002", 100, false, null, "gmoffice",
        Instant.now()));
    // C: a return of 8 units booked at 25 CNY; not yet decided
    complaint("9503", "PRODUCT_QUALITY", "quality", null, "RETURN", null, 1, false);
    jdbc.update("""
        INSERT INTO product_return (number, period, serial, complaint_number, customer_name,
          customer_phone, customer_region, claimed_on, description, requested_at,
          process_instance_id, status, approved_quantity, unit_price, booked_quantity,
          settlement_amount, closed_at)
        VALUES ('RT-2507-9503', '2507', 9503, 'CP-2507-9503', 'Seeded', '13800000000',
          'DOMESTIC', DATE '2025-07-10', 'Seeded', ?, 'seeded', 'SETTLED', 10, 25.00, 8,
          200.00, ?)""", at("2025-07-15T10:00:00Z"), at("2025-07-18T10:00:00Z"));
  }

  @Test
  void theFiguresCountWhatTheGmOfficeDecidedWithEachCasesLossInItsShare() throws Exception {
    JsonNode report = json.readTree(api.get("gmoffice",
        "/api/reports/complaints/monthly?month=2025-07").body());
    JsonNode cases = report.get("responsibilities");
    assertThat(cases).hasSize(3);
    JsonNode supplier = byComplaint(cases, "CP-2507-9501");
    assertThat(supplier.get("unit").asText()).isEqualTo("supplier-materials");
    assertThat(supplier.get("outsideParty").asBoolean()).isTrue();
    assertThat(supplier.get("share").asInt()).isEqualTo(60);
    assertThat(supplier.get("decision").asText()).isEqualTo("CHANGED");
    assertThat(supplier.get("lossAmount").decimalValue()).as("60% of 1200")
        .isEqualByComparingTo("720.00");
    assertThat(supplier.get("bonusDeduction").decimalValue()).as("no bonus of an outside party")
        .isEqualByComparingTo("0");
    JsonNode agent = byComplaint(cases, "CP-2507-9502");
    assertThat(agent.get("decision").asText()).isEqualTo("CONFIRMED");
    assertThat(agent.get("secondComplaint").asBoolean()).isTrue();
    assertThat(agent.get("improvementTracking").asBoolean()).isTrue();
    assertThat(agent.get("lossAmount").decimalValue()).isEqualByComparingTo("0");
    JsonNode returned = byComplaint(cases, "CP-2507-9503");
    assertThat(returned.get("decision").asText()).isEqualTo("PROPOSED");
    assertThat(returned.get("unit").asText()).isEqualTo("quality");
    assertThat(returned.get("lossAmount").decimalValue()).as("8 units booked at 25 CNY")
        .isEqualByComparingTo("200.00");

    JsonNode units = report.get("byUnit");
    assertThat(units).extracting(unit -> unit.get("unit").asText())
        .containsExactly("supplier-materials", "quality", "customer-service");
    JsonNode service = units.get(2);
    assertThat(service.get("complaints").asLong()).isEqualTo(1);
    assertThat(service.get("secondComplaints").asLong()).isEqualTo(1);
    assertThat(service.get("improvementTrackings").asLong()).isEqualTo(1);
    assertThat(service.get("bonusDeductions").decimalValue())
        .isEqualByComparingTo(agent.get("bonusDeduction").decimalValue());
    assertThat(units.get(1).get("lossAmount").decimalValue()).isEqualByComparingTo("200.00");
    // the notice's points follow the decision: the supplier, not quality, answers for A
    assertThat(report.get("penalties").toString()).contains("\"department\":\"supplier-materials\"")
        .contains("CP-2507-9501");
  }

  @Test
  void thePageAndTheCsvShowEachUnitsMonthInTheReadersLanguage() throws Exception {
    HttpResponse<String> page = api.get("gmoffice", "/reports/complaints/monthly?month=2025-07");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("各责任单位", "原物料供应商", "720.00", "逐案责任认定",
        "总经理办公室更改: The raw material was faulty.", "拟定（尚未认定）");

    List<String> lines = api.get("gmoffice",
        "/api/reports/complaints/monthly.csv?month=2025-07").body().lines().toList();
    assertThat(Arrays.asList(lines.get(0).substring(1).split(","))).endsWith("责任认定",
        "责任比率（%）", "损失金额（元）", "绩效奖金罚扣（元）", "行政处分", "二次投诉", "列入改善追踪");
    assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("CP-2507-9501,")
        .contains(",原物料供应商,,").endsWith(",总经理办公室更改: The raw material was faulty.,60,"
            + "720.00,0.00,无,否,否"));
    HttpResponse<String> english = api.send(api.request("gmoffice",
        "/api/reports/complaints/monthly.csv?month=2025-07").header("Accept-Language", "en"));
    assertThat(english.body().lines().findFirst().orElseThrow()).endsWith(
        "Responsibility decision,Share (%),Loss charged (CNY),Bonus deduction (CNY),Sanction,"
            + "Second complaint,Improvement under tracking");
  }

  private static JsonNode byComplaint(JsonNode cases, String number) {
    for (JsonNode row : cases) {
      if (row.get("complaint").asText().equals(number)) {
        return row;
      }
    }
    throw new AssertionError("no row for " + number + " in " + cases);
  }

  private void complaint(String serial, String category, String department, String person,
      String remedy, String compensation, int round, boolean tracked) {
    jdbc.update("""
        INSERT INTO complaint (number, period, serial, complaint_type, channel, customer_name,
          customer_phone, customer_region, subject, description, resolved_on_first_contact,
          registered_at, registered_by, status, category, complaint_valid, remedy, overdue,
          handling_round, closed_at, responsible_department, responsible_person,
          compensation_amount, improvement_tracking)
        VALUES (?, '2507', ?, 'COMPLAINT', 'PHONE', 'Seeded', '13800000000', 'DOMESTIC',
          'Seeded', 'Seeded', FALSE, ?, 'agent', 'CLOSED', ?, TRUE, ?, FALSE, ?, ?, ?, ?, ?, ?)""",
        "CP-2507-" + serial, Integer.parseInt(serial), at("2025-07-07T02:00:00Z"), category,
        remedy, round, at("2025-07-21T02:00:00Z"), department, person,
        compensation == null ? null : new BigDecimal(compensation), tracked);
  }

  private static Timestamp at(String instant) {
    return Timestamp.from(Instant.parse(instant));
  }
}
