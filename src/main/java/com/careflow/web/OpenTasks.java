package com.careflow.web;

import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

/** The open work of a case, as the register views show it: who has it, who may take it, when due. */
@Component
public class OpenTasks {

  /** A task waiting in Tasklist. */
  public record OpenTask(String id, String name, String taskDefinitionKey, String assignee,
      List<String> candidateGroups, Instant created, Instant due) {}

  private final TaskService tasks;

  public OpenTasks(TaskService tasks) {
    this.tasks = tasks;
  }

  /** The open tasks of a process instance, oldest first; none when there is no instance. */
  public List<OpenTask> of(String processInstanceId) {
    if (processInstanceId == null) {
      return List.of();
    }
    return tasks.createTaskQuery().processInstanceId(processInstanceId).orderByTaskCreateTime()
        .asc().list().stream()
        .map(task -> new OpenTask(task.getId(), task.getName(), task.getTaskDefinitionKey(),
            task.getAssignee(), candidateGroups(task.getId()), task.getCreateTime().toInstant(),
            task.getDueDate() == null ? null : task.getDueDate().toInstant()))
        .toList();
  }

  private List<String> candidateGroups(String taskId) {
    return tasks.getIdentityLinksForTask(taskId).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType())
            && link.getGroupId() != null)
        .map(IdentityLink::getGroupId)
        .toList();
  }
}
