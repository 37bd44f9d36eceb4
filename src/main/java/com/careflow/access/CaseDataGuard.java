package com.careflow.access;

import com.careflow.identity.Departments;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
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
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceAsyncCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.ProcessInstanceModificationBatchCmd;
import org.camunda.bpm.engine.impl.cmd.SignalCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.batch.variables.SetVariablesToProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
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
 *   <li><b>First-contact responsibility.</b> A task assigned to a person is completed, handed
 *       back (unclaimed) or given to another by that person, or by a manager of the task's
 *       department; a peer cannot take it over. Only a manager hands a task to someone else.
 * </ul>
 * Commands the engine runs for itself, CareFlow's own code and administrators pass untouched.
 */
final class CaseDataGuard extends CommandInterceptor {

  private static final Logger LOG = LoggerFactory.getLogger(CaseDataGuard.class);

  /** Commands that write case data or move a case outside its tasks: administrators only. */
  private static final List<Class<?>> ADMINISTRATORS_ONLY = List.of(AbstractVariableCmd.class,
      AbstractPatchVariablesCmd.class, SetVariablesToProcessInstancesBatchCmd.class,
      AbstractCorrelateMessageCmd.class, SignalCmd.class, SignalEventReceivedCmd.class,
      EvaluateStartConditionCmd.class, AbstractProcessInstanceModificationCommand.class,
      ModifyProcessInstanceCmd.class, ModifyProcessInstanceAsyncCmd.class,
      ProcessInstanceModificationBatchCmd.class, StartProcessInstanceAtActivitiesCmd.class,
      AbstractRestartProcessInstanceCmd.class);

  private final TaskForms forms;
  private final Departments departments;

  CaseDataGuard(TaskForms forms, Departments departments) {
    this.forms = forms;
    this.departments = departments;
  }

  @Override
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
    check(command, context, user);
    return readable(command, context, next.execute(command));
  }

  private void check(Command<?> command, CommandContext context, Authentication user) {
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
      checkClaim(context, user, CommandPayloads.claim(claim));
    } else if (command instanceof DelegateTaskCmd delegate) {
      checkManaged(context, user, CommandPayloads.delegatedTask(delegate), "delegate");
    } else if (command instanceof AssignTaskCmd assignment
        && CommandPayloads.propertyValue(assignment) == null) {
      checkHandBack(context, user, CommandPayloads.propertyTask(assignment));
    } else if (command instanceof AbstractSetTaskPropertyCmd<?> property) {
      checkManaged(context, user, CommandPayloads.propertyTask(property), "change");
    } else if (command instanceof DeleteIdentityLinkCmd link) {
      checkManaged(context, user, CommandPayloads.removedLinkTask(link), "change");
    } else if (command instanceof StartProcessInstanceCmd start) {
      checkStart(context, CommandPayloads.start(start));
    } else if (command instanceof SubmitStartFormCmd start) {
      checkStart(context, CommandPayloads.start(start));
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
    checkValues(form, variables, task::getVariable, "Task '" + task.getName() + "'");
  }

  private void checkStart(CommandContext context, CommandPayloads.Start start) {
    ProcessDefinitionEntity definition = start.processDefinitionId() != null
        ? context.getProcessEngineConfiguration().getDeploymentCache()
            .findDeployedProcessDefinitionById(start.processDefinitionId())
        : context.getProcessEngineConfiguration().getDeploymentCache()
            .findDeployedLatestProcessDefinitionByKey(start.processDefinitionKey());
    Optional<CamundaForm> form = forms.ofStart(context, definition.getId());
    checkValues(form, start.variables(), name -> null,
        "Starting '" + (definition.getName() == null ? definition.getKey() : definition.getName())
            + "'");
  }

  private static void checkValues(Optional<CamundaForm> form, Map<String, Object> variables,
      java.util.function.Function<String, Object> current, String what) {
    if (form.isEmpty()) {
      if (variables != null && !variables.isEmpty()) {
        throw new AuthorizationException(what + " has no form: it takes no values, not "
            + variables.keySet());
      }
      return;
    }
    CamundaForm.Problems problems = form.get().check(variables, current);
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

  private void checkClaim(CommandContext context, Authentication user,
      CommandPayloads.Claim claim) {
    TaskEntity task = context.getTaskManager().findTaskById(claim.taskId());
    if (task == null) {
      return;
    }
    // Claiming for oneself a task someone else holds is a conflict the engine answers (409);
    // handing back someone else's task, or giving a task to someone else, is a manager's.
    boolean forSomeoneElse = claim.userId() != null && !claim.userId().equals(user.getUserId());
    boolean takenFromSomeoneElse = claim.userId() == null && task.getAssignee() != null
        && !task.getAssignee().equals(user.getUserId());
    if ((forSomeoneElse || takenFromSomeoneElse) && !manages(user, task)) {
      throw new AuthorizationException(takenFromSomeoneElse
          ? "Task '" + task.getName() + "' is assigned to " + task.getAssignee() + ": only they "
              + "or a manager of the department hand it back (SPEC §7.5)."
          : "Only a manager of the department gives task '" + task.getName()
              + "' to someone else; claim it for yourself.");
    }
  }

  /**
   * Handing back ("Unclaim" in Tasklist): a task one claimed from one's department, yes; a task
   * the procedure assigned to its owner (first-contact responsibility), or someone else's,
   * only through a manager.
   */
  private void checkHandBack(CommandContext context, Authentication user, String taskId) {
    TaskEntity task = context.getTaskManager().findTaskById(taskId);
    if (task == null) {
      return;
    }
    boolean claimedByThem = user.getUserId().equals(task.getAssignee())
        && (task.getTaskDefinition() == null
            || task.getTaskDefinition().getAssigneeExpression() == null);
    if (!claimedByThem && !manages(user, task)) {
      throw new AuthorizationException(user.getUserId().equals(task.getAssignee())
          ? "Task '" + task.getName() + "' is yours until the case closes (first-contact "
              + "responsibility, SPEC §7.5); a manager of the department may reassign it."
          : "Only the person who claimed task '" + task.getName() + "', or a manager of the "
              + "department, hands it back (SPEC §7.5).");
    }
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
      VariableMap visible = Variables.createVariables();
      variables.keySet().stream().filter(readable::contains)
          .forEach(name -> visible.putValueTyped(name, variables.getValueTyped(name)));
      return (T) visible;
    }
    return readable.contains(CommandPayloads.readName(command)) ? result : null;
  }

  /** Whether the user watches the task's process in Cockpit, and so reads all its variables. */
  private static boolean watches(CommandContext context, TaskEntity task) {
    ProcessDefinitionEntity definition = task.getProcessDefinition();
    return definition != null && context.getAuthorizationManager().isAuthorized(
        ProcessDefinitionPermissions.READ_TASK_VARIABLE, Resources.PROCESS_DEFINITION,
        definition.getKey());
  }
}
