package com.careflow.employee;

import static org.assertj.core.api.Assertions.assertThat;

import com.careflow.employee.EmployeeRecords.Hire;
import com.careflow.numbering.CaseNumbers.CaseNumber;
import com.careflow.support.ApiClient;
import com.careflow.support.CareFlowSpringTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * SPEC §8.4: the customers' satisfaction ratings of the cases an agent took first (the
 * register's first-contact agent, mapped to the employee by login) are counted per month the
 * case closed, over the last 12 months of the employment, and shown in the employee file and,
 * as text, on the forms of whoever assesses the employee for promotion.
 */
@CareFlowSpringTest
class CustomerSatisfactionTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final AtomicInteger SERIAL = new AtomicInteger(100);

  @LocalServerPort private int port;
  @Autowired private ObjectMapper json;
  @Autowired private JdbcTemplate jdbc;
  @Autowired private EmployeeRecords records;
  @Autowired private Appraisal appraisal;

  private ApiClient api;

  @BeforeEach
  void connect() {
    api = new ApiClient(port);
  }

  @Test
  void theRatingsOfTheAgentsOwnCasesAreCountedPerMonthInTheFileAndForTheAssessor()
      throws Exception {
    YearMonth thisMonth = YearMonth.now(SHANGHAI);
    YearMonth lastMonth = thisMonth.minusMonths(1);
    String login = "rater" + SERIAL.incrementAndGet();
    String employee = hire(login, LocalDate.now(SHANGHAI).minusMonths(14));
    // counted: two rated cases closed last month, one this month
    complaint(login, lastMonth.atDay(2), lastMonth.atDay(3), "VERY_SATISFIED", "SATISFIED");
    complaint(login, lastMonth.atDay(20), lastMonth.atDay(25), "VERY_SATISFIED", "POOR");
    complaint(login, thisMonth.atDay(1), thisMonth.atDay(1), "AVERAGE", null);
    // not counted: no rating, someone else's, closed 13 months ago, taken before the hire
    complaint(login, lastMonth.atDay(5), lastMonth.atDay(6), null, null);
    complaint("agent", lastMonth.atDay(5), lastMonth.atDay(6), "POOR", "POOR");
    complaint(login, thisMonth.minusMonths(13).atDay(1), thisMonth.minusMonths(13).atDay(2),
        "POOR", "POOR");
    String earlier = "rater" + SERIAL.incrementAndGet();
    String rehired = hire(earlier, LocalDate.now(SHANGHAI).minusDays(1));
    complaint(earlier, LocalDate.now(SHANGHAI).minusMonths(2), thisMonth.atDay(1), "POOR",
        "POOR");

    JsonNode file = json.readTree(api.get("csmanager", "/api/employees/" + employee).body());
    JsonNode months = file.get("satisfaction");
    assertThat(months).hasSize(2);
    assertThat(months.get(0).get("month").asText()).isEqualTo(lastMonth.toString());
    assertThat(months.get(0).get("ratedCases").asInt()).isEqualTo(2);
    assertThat(months.get(0).get("ratings").get("attitude").toString()).isEqualTo(
        "{\"VERY_SATISFIED\":2,\"SATISFIED\":0,\"AVERAGE\":0,\"POOR\":0}");
    assertThat(months.get(0).get("ratings").get("skill").toString()).isEqualTo(
        "{\"VERY_SATISFIED\":0,\"SATISFIED\":1,\"AVERAGE\":0,\"POOR\":1}");
    assertThat(months.get(1).get("month").asText()).isEqualTo(thisMonth.toString());
    assertThat(months.get(1).get("ratedCases").asInt()).isEqualTo(1);
    assertThat(json.readTree(api.get("hr", "/api/employees/" + rehired).body())
        .get("satisfaction")).as("cases the login took before this employment").isEmpty();
    assertThat(json.readTree(api.get("csmanager", "/api/employees?size=100").body())
        .get("items").get(0).has("satisfaction")).as("not in the list").isFalse();

    assertThat(appraisal.satisfactionSummary(employee)).isEqualTo(String.join("\n",
        lastMonth + "（2 宗有评价）：服务态度 非常满意 2；专业技能 满意 1、较差 1",
        thisMonth + "（1 宗有评价）：服务态度 一般 1"));
    assertThat(appraisal.satisfactionSummary(rehired))
        .isEqualTo("近12个月没有其首问接待案件的客户满意度评价。");
  }

  private String hire(String login, LocalDate start) {
    CaseNumber id = new CaseNumber("EM", "0084", SERIAL.incrementAndGet());
    records.insert(id, new Hire(login, "Rater " + login, null, "customer-service", "Agent", 1, 1,
        start, 3, start.plusMonths(3), null, "hr"), Instant.now(), null);
    records.confirm(id.toString(), start.plusMonths(3));
    return id.toString();
  }

  /** A closed complaint taken by {@code login}, rated on attitude and skill (or not). */
  private void complaint(String login, LocalDate registered, LocalDate closed, String attitude,
      String skill) {
    int serial = SERIAL.incrementAndGet();
    jdbc.update("""
        INSERT INTO complaint (number, period, serial, complaint_type, channel, customer_name,
          customer_phone, customer_region, subject, description, resolved_on_first_contact,
          registered_at, registered_by, status, category, complaint_valid, remedy,
          handling_round, closed_at, satisfaction_attitude, satisfaction_skill)
        VALUES (?, '8484', ?, 'COMPLAINT', 'PHONE', 'Seeded', '13800000000', 'DOMESTIC',
          'Seeded', 'Seeded', FALSE, ?, ?, 'CLOSED', 'SERVICE_CONDUCT', TRUE, 'NONE', 1, ?, ?, ?)""",
        "CP-8484-" + serial, serial, at(registered, 9), login, at(closed, 17), attitude, skill);
  }

  private static Timestamp at(LocalDate day, int hour) {
    return Timestamp.from(ZonedDateTime.of(day.atTime(hour, 0), SHANGHAI).toInstant());
  }
}
