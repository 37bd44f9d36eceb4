package com.careflow.access;

import com.careflow.identity.Departments;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractProcessInstanceModificationCommand;
import org.camunda.bpm.engine.impl.cmd.AbstractRestartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetTaskPropertyCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DelegateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.EvaluateStartConditionCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskVariableCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskVariableCmdTyped;
import org.camunda.bpm.engine.impl.cmd.GetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceAsyncCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.ProcessInstanceModificationBatchCmd;
import org.camunda.bpm.engine.impl.cmd.SignalCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.batch.CorrelateAllMessageBatchCmd;
import org.camunda.bpm.engine.impl.cmd.batch.DeleteProcessInstanceBatchCmd;
import org.camunda.bpm.engine.impl.cmd.batch.variables.SetVariablesToProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.migration.batch.MigrateProcessInstanceBatchCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SPEC §7.1, §7.3 and §7.5 at the engine, whatever door a person comes through (Tasklist,
 * Cockpit, Camunda's REST API): a task is a window onto its case, exactly as wide as its form.
 * <ul>
 *   <li><b>Writes.</b> Completing a task or submitting its form sets only the form's editable
 *       fields, with values the form allows; a field the form only shows may come back
 *       unchanged, never changed. Starting a process sets only its start form's fields. Nothing
 *       else writes case variables: setting, changing or removing them directly, moving an
 *       instance (modification, restart, start at an activity), messages, signals and
 *       conditions are for {@code camunda-admin} alone, and are recorded in Camunda's user
 *       operation log (Cockpit → History).
 *   <li><b>Reads.</b> A task's holder reads through the task only its form's fields (so the
 *       warehouse sees the order, not the customer). People who watch the process in Cockpit
 *       read its variables as their grants allow ({@code identity.StaffGroups}).
 *   <li><b>First-contact responsibility.</b> A task assigned to a person is completed by that
 *       person; a peer cannot take it over. A task someone claimed from their department's queue
 *       may be handed back by them; one the procedure assigned to its owner stays theirs. Only a
 *       manager of the department gives a task to someone else or changes it.
 *   <li><b>No side doors.</b> A task is not ended by a BPMN error or escalation sent through the
 *       API ({@link JobControl} keeps the timers), and tasks are not searched by case variables
 *       (a yes/no oracle on data the task does not show).
 * </ul>
 * Commands the engine runs for itself, CareFlow's own code and administrators pass untouched.
 */
final class CaseDataGuard extends CommandInterceptor {

  private static final Logger LOG = LoggerFactory.getLogger(CaseDataGuard.class);

  /** Commands that write case data or move a case outside its tasks: administrators only. */
  private static final List<Class<?>> ADMINISTRATORS_ONLY = List.of(AbstractVariableCmd.class,
      AbstractPatchVariablesCmd.class, SetVariablesToProcessInstancesBatchCmd.class,
      AbstractCorrelateMessageCmd.class, SignalCmd.class, SignalEventReceivedCmd.class,
      MessageEventReceivedCmd.class, EvaluateStartConditionCmd.class,
      AbstractProcessInstanceModificationCommand.class,
      ModifyProcessInstanceCmd.class, ModifyProcessInstanceAsyncCmd.class,
      ProcessInstanceModificationBatchCmd.class, StartProcessInstanceAtActivitiesCmd.class,
      AbstractRestartProcessInstanceCmd.class, HandleTaskBpmnErrorCmd.class,
      HandleTaskEscalationCmd.class, CorrelateAllMessageBatchCmd.class,
      MigrateProcessInstanceBatchCmd.class, DeleteProcessInstanceBatchCmd.class);

  private final TaskForms forms;
  private final Departments departments;

  CaseDataGuard(TaskForms forms, Departments departments) {
    this.forms = forms;
    this.departments = departments;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T execute(Command<T> command) {
    if (!UserCommands.isOutermost()) {
      return next.execute(command);
    }
    CommandContext context = Context.getCommandContext();
    Authentication user = context.getAuthentication();
    if (user == null || user.getUserId() == null
        || context.getAuthorizationManager().isCamundaAdmin(user)) {
      if (user != null && ADMINISTRATORS_ONLY.stream().anyMatch(type -> type.isInstance(command))) {
        LOG.warn("Administrator {} ran {} (recorded in the user operation log)", user.getUserId(),
            command.getClass().getSimpleName());
      }
      return next.execute(command);
    }
    Set<String> returnable;
    Verdict verdict;
    try {
      returnable = returnableOnCompletion(command, context);
      verdict = check(command, context, user);
    } catch (NullPointerException executionGone) {
      // the task's execution vanished while this request read it: another completion of the
      // same task committed first (the engine itself answers such a race with 409)
      throw new OptimisticLockingException("The task was completed by someone else while this "
          + "request was checked");
    }
    if (verdict == Verdict.DECIDED_HERE) {
      // allowed here, though Camunda's grants would need more than SPEC §7 gives: handing back
      // a task one claimed (TASK_ASSIGN), the open-work counts of Cockpit (READ on every task)
      return context.runWithoutAuthorization(() -> next.execute(command));
    }
    T result;
    try {
      result = next.execute(command);
    } catch (AuthorizationException refused) {
      if (seesWithoutData(command, context)) {
        return (T) Variables.createVariables();
      }
      throw refused;
    }
    if (returnable != null && result instanceof VariableMap variables) {
      return (T) visible(variables, returnable); // "withVariablesInReturn": the form's fields
    }
    return readable(command, context, result);
  }

  /** What a check decided, beyond a refusal: go on as the engine's grants say, or as decided. */
  private enum Verdict { AS_GRANTED, DECIDED_HERE }

  /** Cockpit's "Human Tasks": how many open tasks each group has, and nothing about them. */
  private static final String OPEN_WORK_COUNTS =
      "org.camunda.bpm.engine.impl.TaskReportImpl$TaskCountByCandidateGroupCmd";

  /** For a completion or form submission: the fields its holder may read back, else null. */
  private Set<String> returnableOnCompletion(Command<?> command, CommandContext context) {
    String taskId = command instanceof CompleteTaskCmd complete
        ? CommandPayloads.completion(complete).taskId()
        : command instanceof SubmitTaskFormCmd submit
            ? CommandPayloads.submission(submit).taskId() : null;
    if (taskId == null || context.getTaskManager().findTaskById(taskId) == null) {
      return null;
    }
    TaskEntity task = context.getTaskManager().findTaskById(taskId);
    return watches(context, task) ? null
        : forms.ofTask(context, taskId).map(CamundaForm::keys).orElse(Set.of());
  }

  private Verdict check(Command<?> command, CommandContext context, Authentication user) {
    if (ADMINISTRATORS_ONLY.stream().anyMatch(type -> type.isInstance(command))) {
      throw new AuthorizationException("Case data changes only through the case's tasks and "
          + "their forms (SPEC §7.1): " + user.getUserId() + " may not run "
          + command.getClass().getSimpleName() + ". An administrator (camunda-admin) corrects "
          + "a case in Cockpit.");
    }
    if (command instanceof CompleteTaskCmd complete) {
      CommandPayloads.Submission submission = CommandPayloads.completion(complete);
      checkSubmission(context, user, submission.taskId(), submission.variables());
    } else if (command instanceof SubmitTaskFormCmd submit) {
      CommandPayloads.Submission submission = CommandPayloads.submission(submit);
      checkSubmission(context, user, submission.taskId(), submission.variables());
    } else if (command instanceof ClaimTaskCmd claim) {
      return checkClaim(context, user, CommandPayloads.claim(claim));
    } else if (command instanceof AssignTaskCmd assignment) {
      String taskId = CommandPayloads.propertyTask(assignment);
      if (CommandPayloads.newAssignee(assignment) == null) {
        return checkHandBack(context, user, taskId);
      }
      checkManaged(context, user, taskId, "give someone");
    } else if (command instanceof DelegateTaskCmd delegate) {
      checkManaged(context, user, CommandPayloads.delegatedTask(delegate), "delegate");
    } else if (command instanceof AbstractSetTaskPropertyCmd<?> property) {
      checkManaged(context, user, CommandPayloads.propertyTask(property), "change");
    } else if (command instanceof DeleteIdentityLinkCmd link) {
      checkManaged(context, user, CommandPayloads.removedLinkTask(link), "change");
    } else if (command instanceof SaveTaskCmd save) {
      checkManaged(context, user, CommandPayloads.savedTask(save), "change");
    } else if (command instanceof StartProcessInstanceCmd start) {
      checkStart(context, CommandPayloads.start(start));
    } else if (command instanceof SubmitStartFormCmd start) {
      checkStart(context, CommandPayloads.start(start));
    } else if (command instanceof SaveUserCmd save) {
      checkProfile(context, CommandPayloads.savedUser(save));
    } else if (command.getClass().getName().equals(OPEN_WORK_COUNTS)) {
      return checkCockpit(context);
    } else if (command instanceof TaskQueryImpl query) {
      checkNoCaseDataConditions(query);
    } else if (command instanceof AbstractExecuteFilterCmd filter
        && CommandPayloads.filterQuery(filter) instanceof TaskQueryImpl query) {
      checkNoCaseDataConditions(query);
    }
    return Verdict.AS_GRANTED;
  }

  /**
   * SPEC §7.10: a person's name and e-mail are those of their employee record, which HR keeps
   * (task mails go to that address, Tasklist shows that name); a person changes their own
   * password, not who they are. New accounts are opened by CareFlow for HR's hires.
   */
  private static void checkProfile(CommandContext context, User saved) {
    if (saved == null) {
      return;
    }
    if (saved.getId() == null) {
      throw new BadUserRequestException("A profile names its user (id).");
    }
    UserEntity stored = context.getDbEntityManager().selectById(UserEntity.class, saved.getId());
    if (stored != null && !(java.util.Objects.equals(stored.getFirstName(), saved.getFirstName())
        && java.util.Objects.equals(stored.getLastName(), saved.getLastName())
        && java.util.Objects.equals(stored.getEmail(), saved.getEmail()))) {
      throw new AuthorizationException("A person's name and e-mail come from their employee "
          + "record, which HR keeps (SPEC §7.10); " + saved.getId() + "'s are not changed here.");
    }
  }

  /**
   * Managers see the open work of every department as counts in Cockpit (Human Tasks): Camunda
   * asks for READ on every task for them, which would show every task itself; the counts alone
   * are given to whoever opens Cockpit.
   */
  private static Verdict checkCockpit(CommandContext context) {
    if (!context.getAuthorizationManager().isAuthorized(Permissions.ACCESS,
        Resources.APPLICATION, "cockpit")) {
      throw new AuthorizationException("The open work of the departments is for the managers "
          + "who use Cockpit.");
    }
    return Verdict.DECIDED_HERE;
  }

  /**
   * A search of tasks by their case's variables would tell a person what the task does not
   * show them (is this customer's phone 138…?): only for those who watch the processes.
   */
  private static void checkNoCaseDataConditions(TaskQueryImpl query) {
    boolean byVariables = !query.getVariables().isEmpty() || query.getQueries().stream()
        .anyMatch(or -> !or.getVariables().isEmpty());
    if (byVariables) {
      throw new AuthorizationException("Tasks are searched by their own fields (name, case "
          + "number, dates), not by the case's variables, which a task shows only through its "
          + "form (SPEC §7.2, §7.3).");
    }
  }

  private void checkSubmission(CommandContext context, Authentication user, String taskId,
      Map<String, Object> variables) {
    TaskEntity task = context.getTaskManager().findTaskById(taskId);
    if (task == null) {
      return; // the engine answers "no such task"
    }
    if (task.getAssignee() != null && !task.getAssignee().equals(user.getUserId())) {
      throw new AuthorizationException("Task '" + task.getName() + "' is assigned to "
          + task.getAssignee() + ": only they complete it (first-contact responsibility, SPEC "
          + "§7.5); a manager of the department may reassign it.");
    }
    Optional<CamundaForm> form = forms.ofTask(context, taskId);
    checkValues(form, variables, task::getVariable, conditions(context, task.getVariables()),
        "Task '" + task.getName() + "'");
  }

  /** Evaluates a form's {@code conditional.hide} (FEEL) over the case and the submission. */
  private static CamundaForm.Conditions conditions(CommandContext context,
      Map<String, Object> current) {
    FeelEngine feel = context.getProcessEngineConfiguration().getDmnEngineConfiguration()
        .getFeelEngine();
    return (expression, submitted) -> {
      VariableMap values = Variables.createVariables();
      current.forEach(values::put);
      submitted.forEach((name, value) -> values.put(name,
          value instanceof TypedValue typed ? typed.getValue() : value));
      try {
        return Boolean.TRUE.equals(feel.evaluateSimpleExpression(expression,
            values.asVariableContext()));
      } catch (RuntimeException cannotTell) {
        return false; // shown: the form's own checks apply
      }
    };
  }

  private void checkStart(CommandContext context, CommandPayloads.Start start) {
    ProcessDefinitionEntity definition = start.processDefinitionId() != null
        ? context.getProcessEngineConfiguration().getDeploymentCache()
            .findDeployedProcessDefinitionById(start.processDefinitionId())
        : context.getProcessEngineConfiguration().getDeploymentCache()
            .findDeployedLatestProcessDefinitionByKey(start.processDefinitionKey());
    Optional<CamundaForm> form = forms.ofStart(context, definition.getId());
    checkValues(form, start.variables(), name -> null, conditions(context, Map.of()),
        "Starting '" + (definition.getName() == null ? definition.getKey() : definition.getName())
            + "'");
  }

  private static void checkValues(Optional<CamundaForm> form, Map<String, Object> variables,
      java.util.function.Function<String, Object> current, CamundaForm.Conditions conditions,
      String what) {
    checkPlainValues(form, variables, what);
    if (form.isEmpty()) {
      if (variables != null && !variables.isEmpty()) {
        throw new AuthorizationException(what + " has no form: it takes no values, not "
            + variables.keySet());
      }
      return;
    }
    CamundaForm.Problems problems = form.get().check(variables, current, conditions);
    if (!problems.forbidden().isEmpty()) {
      throw new AuthorizationException(what + " sets only its own form's fields (SPEC §7.1): "
          + String.join("; ", problems.forbidden()));
    }
    if (!problems.invalid().isEmpty()) {
      throw new BadUserRequestException(what + ": " + String.join("; ", problems.invalid()));
    }
    for (String unchanged : problems.unchanged()) {
      try {
        variables.remove(unchanged); // shown, sent back as it was: nothing to write
      } catch (UnsupportedOperationException e) {
        // an immutable map: the same value is written again, which changes nothing
      }
    }
  }

  /**
   * A form's fields hold text, numbers, yes/no and dates; a list field (checklist, tag list)
   * a JSON list. A serialized object is none of these (and cannot even be read without
   * deserializing it): 400, before anything reads it.
   */
  private static void checkPlainValues(Optional<CamundaForm> form, Map<String, Object> variables,
      String what) {
    if (variables == null) {
      return;
    }
    for (String name : variables.keySet()) {
      TypedValue typed = variables instanceof VariableMap map ? map.getValueTyped(name)
          : variables.get(name) instanceof TypedValue value ? value : null;
      if (!(typed instanceof SerializableValue)) {
        continue;
      }
      String fieldType = form.map(CamundaForm::fields).map(fields -> fields.get(name))
          .map(CamundaForm.Field::type).orElse("");
      boolean list = Set.of("checklist", "taglist").contains(fieldType)
          && typed.getType() != null && "json".equals(typed.getType().getName());
      if (!list) {
        throw new BadUserRequestException(what + ": " + name + " is a value of type "
            + (typed.getType() == null ? "Object" : typed.getType().getName()) + "; its form "
            + "takes text, numbers, true/false and dates.");
      }
    }
  }

  private Verdict checkClaim(CommandContext context, Authentication user,
      CommandPayloads.Claim claim) {
    if (claim.userId() == null) {
      return checkHandBack(context, user, claim.taskId()); // "claim" for nobody: unclaim
    }
    TaskEntity task = context.getTaskManager().findTaskById(claim.taskId());
    // Claiming for oneself a task someone else holds is a conflict the engine answers (409);
    // giving a task to someone else is a manager's.
    if (task != null && !claim.userId().equals(user.getUserId()) && !manages(user, task)) {
      throw new AuthorizationException("Only a manager of the department gives task '"
          + task.getName() + "' to someone else; claim it for yourself.");
    }
    return Verdict.AS_GRANTED;
  }

  /**
   * Handing back ("Unclaim" in Tasklist): a task one claimed from one's department, yes; a task
   * the procedure assigned to its owner (first-contact responsibility), or someone else's,
   * only through a manager.
   */
  private Verdict checkHandBack(CommandContext context, Authentication user, String taskId) {
    TaskEntity task = context.getTaskManager().findTaskById(taskId);
    if (task == null) {
      return Verdict.AS_GRANTED; // the engine answers "no such task"
    }
    boolean claimedByThem = user.getUserId().equals(task.getAssignee())
        && (task.getTaskDefinition() == null
            || task.getTaskDefinition().getAssigneeExpression() == null);
    if (claimedByThem) {
      return Verdict.DECIDED_HERE;
    }
    if (!manages(user, task)) {
      throw new AuthorizationException(user.getUserId().equals(task.getAssignee())
          ? "Task '" + task.getName() + "' is yours until the case closes (first-contact "
              + "responsibility, SPEC §7.5); a manager of the department may reassign it."
          : "Only the person who claimed task '" + task.getName() + "', or a manager of the "
              + "department, hands it back (SPEC §7.5).");
    }
    return Verdict.AS_GRANTED;
  }

  private void checkManaged(CommandContext context, Authentication user, String taskId,
      String verb) {
    TaskEntity task = context.getTaskManager().findTaskById(taskId);
    if (task != null && !manages(user, task)) {
      throw new AuthorizationException("Only a manager of the department may " + verb
          + " task '" + task.getName() + "' (SPEC §7.5).");
    }
  }

  /** Whether the user is in a group that manages one of the task's candidate groups. */
  private boolean manages(Authentication user, TaskEntity task) {
    Collection<String> groups = user.getGroupIds() == null ? List.of() : user.getGroupIds();
    return task.getIdentityLinks().stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
        .map(IdentityLinkEntity::getGroupId)
        .filter(java.util.Objects::nonNull)
        .map(departments::managersOfGroup)
        .flatMap(Set::stream)
        .anyMatch(groups::contains);
  }

  /**
   * Whether a refused read of a task's variables is one of a task the user sees without
   * working it (a manager sees the department's tasks to reassign them): its variables are none
   * of theirs, so they read none, and a list of tasks with their variables lists it empty
   * instead of failing whole.
   */
  private static boolean seesWithoutData(Command<?> command, CommandContext context) {
    if (!(command instanceof GetTaskVariablesCmd)) {
      return false;
    }
    String taskId = CommandPayloads.readTask(command);
    TaskEntity task = taskId == null ? null : context.getTaskManager().findTaskById(taskId);
    return task != null && context.getAuthorizationManager().isAuthorized(Permissions.READ,
        Resources.TASK, taskId);
  }

  /** A task's variables as its holder may read them: its form's fields alone. */
  @SuppressWarnings("unchecked")
  private <T> T readable(Command<T> command, CommandContext context, T result) {
    boolean taskRead = command instanceof GetTaskVariablesCmd
        || command instanceof GetTaskVariableCmd || command instanceof GetTaskVariableCmdTyped
        || command instanceof GetTaskFormVariablesCmd;
    if (!taskRead || result == null) {
      return result;
    }
    String taskId = CommandPayloads.readTask(command);
    TaskEntity task = context.getTaskManager().findTaskById(taskId);
    if (task == null || watches(context, task)) {
      return result;
    }
    Set<String> readable = forms.ofTask(context, taskId).map(CamundaForm::keys).orElse(Set.of());
    if (result instanceof VariableMap variables) {
      return (T) visible(variables, readable);
    }
    return readable.contains(CommandPayloads.readName(command)) ? result : null;
  }

  private static VariableMap visible(VariableMap variables, Set<String> readable) {
    VariableMap visible = Variables.createVariables();
    variables.keySet().stream().filter(readable::contains)
        .forEach(name -> visible.putValueTyped(name, variables.getValueTyped(name)));
    return visible;
  }

  /** Whether the user watches the task's process in Cockpit, and so reads all its variables. */
  private static boolean watches(CommandContext context, TaskEntity task) {
    ProcessDefinitionEntity definition = task.getProcessDefinition();
    return definition != null && context.getAuthorizationManager().isAuthorized(
        ProcessDefinitionPermissions.READ_TASK_VARIABLE, Resources.PROCESS_DEFINITION,
        definition.getKey());
  }
}
