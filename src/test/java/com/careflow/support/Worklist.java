package com.careflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

/** Works a case's one open task as Tasklist would: completes it with the form's values. */
public final class Worklist {

  private Worklist() {}

  public static void completeTheOpenTask(ProcessEngine engine, String businessKey,
      Map<String, Object> variables) {
    TaskService tasks = engine.getTaskService();
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(businessKey).singleResult();
    assertThat(task).as("the open task of " + businessKey).isNotNull();
    tasks.complete(task.getId(), variables);
  }
}
