package com.careflow.overdue;

import com.careflow.identity.Departments;
import com.careflow.notify.StaffNotices;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Nothing waits unseen (issue 16): every user task has a due date in its model, and a task past
 * it is escalated, once, to the managers of its department (the manager groups of its candidate
 * groups, {@code careflow.identity.departments}; the general managers when it has none). The
 * escalation is recorded ({@code task_escalation}), marked on the task ({@code escalatedAt},
 * visible in Cockpit), and the managers find the task in Tasklist's shared filter "本部门逾期"
 * (Overdue in my departments), which shows every overdue task they may see; each manager is
 * also told by e-mail ({@link StaffNotices#overdue}). Runs every minute
 * ({@code careflow.escalation.every}); on several nodes each task is escalated once.
 */
@Component
public class OverdueWork {

  private static final Logger LOG = LoggerFactory.getLogger(OverdueWork.class);
  static final String FALLBACK_MANAGERS = "general-managers";

  private final TaskService tasks;
  private final RuntimeService runtime;
  private final RepositoryService repository;
  private final Departments departments;
  private final StaffNotices staffNotices;
  private final JdbcTemplate jdbc;
  private final NamedParameterJdbcTemplate named;
  private final TransactionTemplate transaction;
  private final boolean enabled;
  private final Clock clock = Clock.systemUTC();

  public OverdueWork(TaskService tasks, RuntimeService runtime, RepositoryService repository,
      Departments departments, StaffNotices staffNotices,
      JdbcTemplate jdbc, PlatformTransactionManager transactions,
      @Value("${careflow.escalation.enabled:true}") boolean enabled) {
    this.tasks = tasks;
    this.runtime = runtime;
    this.repository = repository;
    this.departments = departments;
    this.staffNotices = staffNotices;
    this.jdbc = jdbc;
    this.named = new NamedParameterJdbcTemplate(jdbc);
    this.transaction = new TransactionTemplate(transactions);
    this.enabled = enabled;
  }

  @Scheduled(fixedDelayString = "${careflow.escalation.every:PT1M}",
      initialDelayString = "${careflow.escalation.every:PT1M}")
  void sweep() {
    if (enabled) {
      escalate(clock.instant());
    }
  }

  /** Escalates the tasks due before {@code now} that are not escalated yet; how many. */
  public int escalate(Instant now) {
    List<Task> overdue = tasks.createTaskQuery().active().dueBefore(Date.from(now))
        .orderByDueDate().asc().list();
    Set<String> before = escalatedAmong(overdue);
    int escalated = 0;
    for (Task task : overdue) {
      if (!before.contains(task.getId()) && escalate(task, now)) {
        escalated++;
      }
    }
    return escalated;
  }

  /** Which of these tasks were escalated already: one query per 500 tasks, not one each. */
  private Set<String> escalatedAmong(List<Task> overdue) {
    Set<String> escalated = new HashSet<>();
    for (int from = 0; from < overdue.size(); from += 500) {
      List<String> ids = overdue.subList(from, Math.min(from + 500, overdue.size())).stream()
          .map(Task::getId).toList();
      escalated.addAll(named.queryForList(
          "SELECT task_id FROM task_escalation WHERE task_id IN (:ids)",
          Map.of("ids", ids), String.class));
    }
    return escalated;
  }

  /** Escalates one task; false when another node did it first. */
  private boolean escalate(Task task, Instant now) {
    Set<String> managers = managersOf(task);
    String businessKey = businessKey(task);
    try {
      transaction.executeWithoutResult(status -> {
        jdbc.update("INSERT INTO task_escalation (task_id, task_name, task_definition_key, "
                + "process_definition_key, business_key, due_at, escalated_at, manager_groups) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", task.getId(), task.getName(),
            task.getTaskDefinitionKey(), processKey(task), businessKey,
            Timestamp.from(task.getDueDate().toInstant()), Timestamp.from(now),
            String.join(",", managers));
        tasks.setVariableLocal(task.getId(), "escalatedAt", Date.from(now));
        staffNotices.overdue(task, businessKey, managers);
      });
    } catch (DuplicateKeyException alreadyEscalated) {
      return false;
    }
    LOG.warn("Overdue since {}: task '{}' ({}) of case {}, escalated to {}", task.getDueDate(),
        task.getName(), task.getId(), businessKey, managers);
    return true;
  }

  /** The managers of the task's department, or the general managers. */
  Set<String> managersOf(Task task) {
    Set<String> managers = new TreeSet<>();
    List<IdentityLink> links = tasks.getIdentityLinksForTask(task.getId());
    for (IdentityLink link : links) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
        managers.addAll(departments.managersOfGroup(link.getGroupId()));
      }
    }
    if (managers.isEmpty()) {
      managers.add(FALLBACK_MANAGERS);
    }
    return managers;
  }

  private String processKey(Task task) {
    if (task.getProcessDefinitionId() == null) {
      return null;
    }
    ProcessDefinition definition = repository.getProcessDefinition(task.getProcessDefinitionId());
    return definition.getKey();
  }

  private String businessKey(Task task) {
    if (task.getProcessInstanceId() == null) {
      return null;
    }
    ProcessInstance instance = runtime.createProcessInstanceQuery()
        .processInstanceId(task.getProcessInstanceId()).singleResult();
    return instance == null ? null : instance.getBusinessKey();
  }
}
