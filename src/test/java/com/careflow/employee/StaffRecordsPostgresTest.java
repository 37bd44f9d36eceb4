package com.careflow.employee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.careflow.employee.Employee.Status;
import com.careflow.employee.EmployeeHistory.CertificateKind;
import com.careflow.employee.EmployeeHistory.CourseLevel;
import com.careflow.employee.EmployeeHistory.DisciplinaryKind;
import com.careflow.employee.HrEntries.CertificateEntry;
import com.careflow.employee.HrEntries.CourseResultEntry;
import com.careflow.employee.HrEntries.DisciplinaryActionEntry;
import com.careflow.employee.HrEntries.PerformanceScoreEntry;
import com.careflow.onboarding.HireRequest;
import com.careflow.onboarding.Hiring;
import com.careflow.promotion.Promotion;
import com.careflow.promotion.Promotion.PromotionType;
import com.careflow.promotion.Promotion.Track;
import com.careflow.promotion.PromotionRegister;
import com.careflow.promotion.PromotionRequests.Nomination;
import com.careflow.promotion.Promotions;
import com.careflow.promotion.Promotions.Nominated;
import com.careflow.support.EmbeddedPostgresExtension;
import com.careflow.support.OwnApplication;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The employee records and promotions on PostgreSQL, production's database: a hire, the file's
 * entries with their generated ids, a replaced monthly score, the confirmation that starts the
 * grade clock, and a nomination decided from them, all read back.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
@SpringBootTest(properties = "camunda.bpm.admin-user.password=Pg-test-7319-heron")
@ActiveProfiles("postgres")
@DirtiesContext
@Tag(OwnApplication.TAG)
class StaffRecordsPostgresTest {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    EmbeddedPostgresExtension.registerDataSource(registry);
  }

  @Autowired private Hiring hiring;
  @Autowired private EmployeeFile file;
  @Autowired private EmployeeRecords records;
  @Autowired private Promotions promotions;
  @Autowired private PromotionRegister register;

  @Test
  void aHireItsFileAndANominationRoundTrip() {
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    String id = hiring.hire(new HireRequest("Lin Xiaoyu", "linxy", null, "customer-service",
        "Agent", 2, 3, today, 4, "admin"), "hr").employeeId();
    YearMonth month = YearMonth.from(today);
    assertThat(file.recordPerformanceScore(id, month,
        new PerformanceScoreEntry(new BigDecimal("77.25")), "hr")).isFalse();
    assertThat(file.recordPerformanceScore(id, month,
        new PerformanceScoreEntry(new BigDecimal("80")), "hr")).isTrue();
    long first = file.addDisciplinaryAction(id,
        new DisciplinaryActionEntry(today, DisciplinaryKind.DEMERIT, "Left the line open"), "hr");
    long second = file.addDisciplinaryAction(id,
        new DisciplinaryActionEntry(today, DisciplinaryKind.WARNING, "Late"), "hr");
    for (int run = 0; run < 2; run++) { // a procedure's action, once however often it runs
      records.recordDisciplinaryAction(id, today, DisciplinaryKind.WARNING, "Rude on the phone",
          "CP-2611-0007", "management-office", Instant.now());
    }
    file.addCertificate(id, new CertificateEntry(CertificateKind.INTERNAL_LECTURER,
        LocalDate.parse("2025-06-01"), "IL-1"), "hr");
    file.addCourseResult(id, new CourseResultEntry(CourseLevel.INTERMEDIATE,
        new BigDecimal("70.00"), LocalDate.parse("2026-01-10")), "hr");
    records.confirm(id, today);

    Employee employee = records.find(id).orElseThrow();
    assertThat(employee.status()).isEqualTo(Status.REGULAR);
    assertThat(employee.grade()).isEqualTo(2);
    assertThat(employee.payLevel()).isEqualTo(3);
    assertThat(employee.probationMonths()).isEqualTo(4);
    assertThat(employee.probationEndsOn()).isEqualTo(today.plusMonths(4));
    assertThat(employee.gradeSince()).isEqualTo(today);
    assertThat(employee.mentor()).isEqualTo("admin");
    EmployeeHistory history = records.history(id);
    assertThat(history.performance()).singleElement().satisfies(score -> {
      assertThat(score.month()).isEqualTo(month);
      assertThat(score.score()).isEqualByComparingTo("80");
    });
    assertThat(second).isGreaterThan(first);
    assertThat(history.disciplinaryActions()).extracting(action -> action.kind(),
            action -> action.sourceCase())
        .containsExactly(tuple(DisciplinaryKind.DEMERIT, null),
            tuple(DisciplinaryKind.WARNING, null),
            tuple(DisciplinaryKind.WARNING, "CP-2611-0007"));
    assertThat(history.certificates()).singleElement()
        .satisfies(certificate -> assertThat(certificate.reference()).isEqualTo("IL-1"));
    assertThat(history.courseResults()).singleElement()
        .satisfies(course -> assertThat(course.level()).isEqualTo(CourseLevel.INTERMEDIATE));
    assertThat(records.currentByUser("linxy")).map(Employee::id).hasValue(id);

    Nominated nominated = promotions.nominate(new Nomination(id, PromotionType.PAY_LEVEL,
        Track.PERIODIC, null, null, "Evaluation.", "Self-report.", "Recommended.", null), "gm");
    assertThat(nominated.eligible()).isFalse();
    assertThat(nominated.unmetConditions())
        .containsExactlyInAnyOrder("MONTHS_IN_GRADE", "PERFORMANCE", "DISCIPLINE");
    Promotion promotion = register.find(nominated.id()).orElseThrow();
    assertThat(promotion.status()).isEqualTo(Promotion.Status.INELIGIBLE);
    assertThat(promotion.targetPayLevel()).isEqualTo(4);
    assertThat(promotion.facts().disciplinaryActions6m()).isEqualTo(3);
    assertThat(promotion.unmetConditions()).containsExactlyInAnyOrderElementsOf(
        nominated.unmetConditions());
  }
}
