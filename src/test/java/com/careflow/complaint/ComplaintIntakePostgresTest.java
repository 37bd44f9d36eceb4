package com.careflow.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import com.careflow.support.EmbeddedPostgresExtension;
import com.careflow.support.OwnApplication;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** SPEC §1.3 on PostgreSQL: concurrent intakes get unique, gap-free numbers of the month. */
@ExtendWith(EmbeddedPostgresExtension.class)
@SpringBootTest(properties = "camunda.bpm.admin-user.password=Pg-test-7319-heron")
@ActiveProfiles("postgres")
@DirtiesContext
@Tag(OwnApplication.TAG)
class ComplaintIntakePostgresTest {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    EmbeddedPostgresExtension.registerDataSource(registry);
  }

  @Autowired private ComplaintIntake intake;
  @Autowired private JdbcTemplate jdbc;
  @Autowired private HistoryService history;

  @Test
  void fiftyConcurrentIntakesGetFiftyConsecutiveNumbers() throws Exception {
    List<Integer> serials = ConcurrentIntakes.registerTogether(intake, 50);
    ConcurrentIntakes.assertConsecutive(serials, 50);
    assertThat(serials.get(0)).isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM complaint", Long.class)).isEqualTo(50);
    assertThat(history.createHistoricProcessInstanceQuery()
        .processDefinitionKey("complaint-handling").count()).isEqualTo(50);
  }
}
