package com.careflow.access;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.cmd.AbstractAddIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetTaskPropertyCmd;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DelegateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskVariableCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskVariableCmdTyped;
import org.camunda.bpm.engine.impl.cmd.GetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SaveAuthorizationCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobRetriesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;

/**
 * Reads what a user's engine command carries: the task it acts on, the variables it would set.
 * Camunda's command classes keep these in protected fields without getters; they are read
 * here, in one place, by name. {@link #verify()} runs at start and fails if an engine upgrade
 * renamed one, so that the guard never runs blind.
 */
final class CommandPayloads {

  private static final Field COMPLETE_TASK = field(CompleteTaskCmd.class, "taskId");
  private static final Field COMPLETE_VARIABLES = field(CompleteTaskCmd.class, "variables");
  private static final Field SUBMIT_TASK = field(SubmitTaskFormCmd.class, "taskId");
  private static final Field SUBMIT_VARIABLES = field(SubmitTaskFormCmd.class, "properties");
  private static final Field CLAIM_TASK = field(ClaimTaskCmd.class, "taskId");
  private static final Field CLAIM_USER = field(ClaimTaskCmd.class, "userId");
  private static final Field DELEGATE_TASK = field(DelegateTaskCmd.class, "taskId");
  private static final Field PROPERTY_TASK = field(AbstractSetTaskPropertyCmd.class, "taskId");
  private static final Field ASSIGNED_USER = field(AbstractAddIdentityLinkCmd.class, "userId");
  private static final Field SAVED_TASK = field(SaveTaskCmd.class, "task");
  private static final Field SAVED_USER = field(SaveUserCmd.class, "user");
  private static final Field SAVED_AUTHORIZATION = field(SaveAuthorizationCmd.class,
      "authorization");
  private static final Field RETRIES_DUE_DATE_SET = field(SetJobRetriesCmd.class, "isDueDateSet");
  private static final Field RETRIES = field(SetJobRetriesCmd.class, "retries");
  private static final Field RETRIES_JOB = field(SetJobRetriesCmd.class, "jobId");
  private static final Field RETRIES_JOBS = field(SetJobRetriesCmd.class, "jobIds");
  private static final Field FILTER_QUERY = field(AbstractExecuteFilterCmd.class,
      "extendingQuery");
  private static final Field LINK_TASK = field(DeleteIdentityLinkCmd.class, "taskId");
  private static final Field START_BUILDER = field(StartProcessInstanceCmd.class,
      "instantiationBuilder");
  private static final Field START_FORM_DEFINITION = field(SubmitStartFormCmd.class,
      "processDefinitionId");
  private static final Field START_FORM_VARIABLES = field(SubmitStartFormCmd.class, "variables");
  private static final Field READ_TASK = field(GetTaskVariablesCmd.class, "taskId");
  private static final Field READ_ONE_TASK = field(GetTaskVariableCmd.class, "taskId");
  private static final Field READ_ONE_NAME = field(GetTaskVariableCmd.class, "variableName");
  private static final Field READ_TYPED_TASK = field(GetTaskVariableCmdTyped.class, "taskId");
  private static final Field READ_TYPED_NAME = field(GetTaskVariableCmdTyped.class,
      "variableName");

  private CommandPayloads() {}

  /** The fields exist (this class loaded); a renamed one failed the start before this. */
  static void verify() {
    // the static initialisers above have run
  }

  /** A task completion, form submission or resolution: the task and the submitted values. */
  record Submission(String taskId, Map<String, Object> variables) {}

  @SuppressWarnings("unchecked")
  static Submission completion(CompleteTaskCmd command) {
    return new Submission((String) read(COMPLETE_TASK, command),
        (Map<String, Object>) read(COMPLETE_VARIABLES, command));
  }

  @SuppressWarnings("unchecked")
  static Submission submission(SubmitTaskFormCmd command) {
    return new Submission((String) read(SUBMIT_TASK, command),
        (Map<String, Object>) read(SUBMIT_VARIABLES, command));
  }

  /** A claim: the task, and whom it is for (null: unclaim). */
  record Claim(String taskId, String userId) {}

  static Claim claim(ClaimTaskCmd command) {
    return new Claim((String) read(CLAIM_TASK, command), (String) read(CLAIM_USER, command));
  }

  static String delegatedTask(DelegateTaskCmd command) {
    return (String) read(DELEGATE_TASK, command);
  }

  /** The task of an assignment, an owner change or an added candidate. */
  static String propertyTask(AbstractSetTaskPropertyCmd<?> command) {
    return (String) read(PROPERTY_TASK, command);
  }

  /** The new assignee of an assignment; null hands the task back. */
  static String newAssignee(AssignTaskCmd command) {
    return (String) read(ASSIGNED_USER, command);
  }

  /** The task a save (an update of its properties) writes. */
  static String savedTask(SaveTaskCmd command) {
    TaskEntity task = (TaskEntity) read(SAVED_TASK, command);
    return task == null ? null : task.getId();
  }

  /** The user (profile, password) a save would write. */
  static User savedUser(SaveUserCmd command) {
    return (User) read(SAVED_USER, command);
  }

  /** The authorization a save would write. */
  static Authorization savedAuthorization(SaveAuthorizationCmd command) {
    return (Authorization) read(SAVED_AUTHORIZATION, command);
  }

  /**
   * A change of jobs' retries: the jobs named (none when it names a job definition), the new
   * number, and whether it also moves their due date (a timer's time).
   */
  record Retry(List<String> jobIds, int retries, boolean movesDueDate) {}

  @SuppressWarnings("unchecked")
  static Retry retries(SetJobRetriesCmd command) {
    String jobId = (String) read(RETRIES_JOB, command);
    List<String> jobIds = (List<String>) read(RETRIES_JOBS, command);
    return new Retry(jobId != null ? List.of(jobId) : jobIds == null ? List.of() : jobIds,
        (Integer) read(RETRIES, command), (Boolean) read(RETRIES_DUE_DATE_SET, command));
  }

  /** The query a person adds to a saved filter when listing it. */
  static Object filterQuery(AbstractExecuteFilterCmd command) {
    return read(FILTER_QUERY, command);
  }

  static String removedLinkTask(DeleteIdentityLinkCmd command) {
    return (String) read(LINK_TASK, command);
  }

  /** A process start: the definition (id or key) and its variables. */
  record Start(String processDefinitionId, String processDefinitionKey,
      Map<String, Object> variables) {}

  static Start start(StartProcessInstanceCmd command) {
    ProcessInstantiationBuilderImpl builder =
        (ProcessInstantiationBuilderImpl) read(START_BUILDER, command);
    return new Start(builder.getProcessDefinitionId(), builder.getProcessDefinitionKey(),
        builder.getVariables());
  }

  @SuppressWarnings("unchecked")
  static Start start(SubmitStartFormCmd command) {
    return new Start((String) read(START_FORM_DEFINITION, command), null,
        (Map<String, Object>) read(START_FORM_VARIABLES, command));
  }

  /** The task whose variables a read asks for. */
  static String readTask(Object command) {
    if (command instanceof GetTaskVariablesCmd) {
      return (String) read(READ_TASK, command);
    }
    if (command instanceof GetTaskVariableCmd) {
      return (String) read(READ_ONE_TASK, command);
    }
    if (command instanceof GetTaskVariableCmdTyped) {
      return (String) read(READ_TYPED_TASK, command);
    }
    if (command instanceof GetTaskFormVariablesCmd formVariables) {
      return formVariables.resourceId;
    }
    return null;
  }

  /** The one variable a single-variable read asks for. */
  static String readName(Object command) {
    if (command instanceof GetTaskVariableCmd) {
      return (String) read(READ_ONE_NAME, command);
    }
    if (command instanceof GetTaskVariableCmdTyped) {
      return (String) read(READ_TYPED_NAME, command);
    }
    return null;
  }

  private static Field field(Class<?> type, String name) {
    try {
      Field field = type.getDeclaredField(name);
      field.setAccessible(true);
      return field;
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException("Camunda's " + type.getSimpleName() + " has no field '"
          + name + "': this engine version is not the one CareFlow's access guard knows", e);
    }
  }

  private static Object read(Field field, Object command) {
    try {
      return field.get(command);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
