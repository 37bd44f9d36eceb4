package com.careflow.overdue;

import static org.assertj.core.api.Assertions.assertThat;

import com.careflow.support.CareFlowSpringTest;
import com.careflow.support.Tasklist;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Nothing waits unseen: a task past its due date is escalated once to its department's managers,
 * marked on the task, and listed in their Tasklist filter "本部门逾期" (Overdue in my departments),
 * which shows each person only the overdue work they may see.
 */
@CareFlowSpringTest
class OverdueWorkTest {

  @LocalServerPort private int port;
  @Autowired private ObjectMapper json;
  @Autowired private ProcessEngine engine;
  @Autowired private OverdueWork overdue;
  @Autowired private JdbcTemplate jdbc;

  private Tasklist tasklist;

  @BeforeEach
  void connect() {
    tasklist = new Tasklist(port, json);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aTaskPastItsDueDateIsEscalatedOnceToItsDepartmentsManagers() {
    String number = tasklist.registerComplaint("agent", "Late triage");
    Task triage = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(number)
        .singleResult();
    assertThat(triage.getDueDate()).as("every task has a due date").isNotNull();
    Instant afterDue = triage.getDueDate().toInstant().plus(Duration.ofMinutes(1));

    // other tests' cases share the database: count this task's escalations only
    overdue.escalate(triage.getDueDate().toInstant().minusSeconds(60));
    assertThat(escalations(triage)).as("not yet due").isZero();
    assertThat(overdue.escalate(afterDue)).isPositive();
    assertThat(escalations(triage)).isOne();
    overdue.escalate(afterDue.plusSeconds(3600));
    assertThat(escalations(triage)).as("once").isOne();

    Map<String, Object> escalation = jdbc.queryForMap("SELECT * FROM task_escalation "
        + "WHERE task_id = ?", triage.getId());
    assertThat(escalation.get("MANAGER_GROUPS")).isEqualTo("cs-managers");
    assertThat(escalation.get("BUSINESS_KEY")).isEqualTo(number);
    assertThat(escalation.get("PROCESS_DEFINITION_KEY")).isEqualTo("complaint-handling");
    assertThat(engine.getTaskService().getVariableLocal(triage.getId(), "escalatedAt"))
        .isEqualTo(Date.from(afterDue));
  }

  @Test
  void theOverdueFilterShowsEachPersonTheOverdueWorkTheyMaySee() {
    String number = tasklist.registerComplaint("agent", "Late filter");
    Task triage = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(number)
        .singleResult();
    String filter = engine.getFilterService().createFilterQuery().filterName("本部门逾期")
        .singleResult().getId();
    assertThat(ids("csmanager", filter)).doesNotContain(triage.getId());

    ClockUtil.setCurrentTime(Date.from(triage.getDueDate().toInstant().plusSeconds(60)));
    assertThat(ids("csmanager", filter)).as("the manager's department").contains(triage.getId());
    assertThat(ids("agent", filter)).as("the owner").contains(triage.getId());
    assertThat(ids("warehouse", filter)).as("another department").doesNotContain(triage.getId());
  }

  private java.util.List<String> ids(String user, String filter) {
    JsonNode listed = tasklist.read(tasklist.send(user, "POST", "/engine-rest/filter/" + filter
        + "/list", "{}"));
    return listed.findValuesAsText("id");
  }

  private int escalations(Task task) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM task_escalation WHERE task_id = ?",
        Integer.class, task.getId());
  }
}
