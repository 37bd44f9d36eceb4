package com.careflow.employee;

import com.careflow.calendar.CalendarProperties;
import com.careflow.employee.EmployeeHistory.CertificateKind;
import com.careflow.employee.EmployeeHistory.CourseLevel;
import com.careflow.employee.EmployeeHistory.DisciplinaryKind;
import com.careflow.employee.EmployeeHistory.PerformanceScore;
import com.careflow.employee.EmployeeRecords.Hire;
import com.careflow.numbering.CaseNumbers.CaseNumber;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * DEMO ONLY: employee records for the demo agents, so that promotion can be tried at once
 * (README). {@code agent} (EM-0000-0001) is a regular grade-2 agent who meets every condition
 * for grade 3; {@code agent2} (EM-0000-0002) was confirmed five months ago after a six-month
 * probation, and was warned eight months ago: outside promotion's 6-month window, so a
 * disciplinary action agent2 gets now (a service-conduct complaint, a monthly review's
 * penalty) is what makes a nomination report DISCIPLINE. Dates are relative to the first
 * start; nothing is added when the records exist.
 * The {@code postgres} profile never loads this bean.
 */
@Component
@Profile("demo")
public class DemoEmployees {

  private static final Logger LOG = LoggerFactory.getLogger(DemoEmployees.class);

  /** Demo employee numbers use the period 0000, which no real month has. */
  private static final String DEMO_PERIOD = "0000";

  private final EmployeeRecords records;
  private final CalendarProperties calendar;

  public DemoEmployees(EmployeeRecords records, CalendarProperties calendar) {
    this.records = records;
    this.calendar = calendar;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Transactional
  public void recordDemoAgents() {
    if (records.find(id(1)).isPresent()) {
      return;
    }
    LocalDate today = LocalDate.now(calendar.zone());
    Instant now = Instant.now();
    String agent = hire(1, "agent", "Li Na (DEMO agent)", 2, 2, today.minusYears(2), 3,
        today.minusMonths(20));
    for (int month = 1; month <= 12; month++) {
      records.recordPerformanceScore(agent, new PerformanceScore(
          YearMonth.from(today).minusMonths(month), BigDecimal.valueOf(80 + month % 4 * 3),
          "hr", now));
    }
    records.addCertificate(agent, CertificateKind.INTERNAL_LECTURER, today.minusMonths(10),
        "IL-DEMO-1", "hr", now);
    records.addCourseResult(agent, CourseLevel.JUNIOR, BigDecimal.valueOf(78),
        today.minusMonths(9), "hr", now);
    String agent2 = hire(2, "agent2", "Zhao Lei (DEMO agent)", 1, 3, today.minusMonths(11), 6,
        today.minusMonths(5));
    records.recordPerformanceScore(agent2, new PerformanceScore(
        YearMonth.from(today).minusMonths(1), BigDecimal.valueOf(76), "hr", now));
    records.addDisciplinaryAction(agent2, today.minusMonths(8), DisciplinaryKind.WARNING,
        "Left a customer on hold for ten minutes", "hr", now);
    LOG.warn("DEMO employee records ready: {} (agent), {} (agent2)", agent, agent2);
  }

  private String hire(int serial, String userId, String name, int grade, int payLevel,
      LocalDate start, int probationMonths, LocalDate regularSince) {
    CaseNumber id = new CaseNumber("EM", DEMO_PERIOD, serial);
    records.insert(id, new Hire(userId, name, userId + "@demo.careflow.invalid",
        "customer-service", "Agent", grade, payLevel, start, probationMonths,
        start.plusMonths(probationMonths), null, "hr"), Instant.now(), null);
    records.confirm(id.toString(), regularSince);
    records.putOnDuty(id.toString(), start.plusWeeks(2));
    return id.toString();
  }

  private static String id(int serial) {
    return new CaseNumber("EM", DEMO_PERIOD, serial).toString();
  }
}
