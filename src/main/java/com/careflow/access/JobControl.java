package com.careflow.access;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.ManagementServiceImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractSetBatchStateCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetJobsRetriesBatchCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetStateCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractUpdateProcessInstancesSuspendStateCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteJobCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteJobsCmd;
import org.camunda.bpm.engine.impl.cmd.ExecuteJobsCmd;
import org.camunda.bpm.engine.impl.cmd.HistoryCleanupCmd;
import org.camunda.bpm.engine.impl.cmd.RecalculateJobDuedateCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobDefinitionPriorityCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobDuedateCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobPriorityCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobRetriesCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;

/**
 * SPEC §7.10 at the engine, for every door: time belongs to the procedure. Timers, deadlines
 * and scheduled jobs (the history cleanup) are run, moved, suspended and deleted by the engine
 * and by {@code camunda-admin} alone. The Cockpit groups repair: they give a <em>failed</em> job
 * (no retries left, an incident in Cockpit) new retries, and nothing else. Setting a waiting
 * timer's retries to 0 would silence a case's deadline (no overdue mark, no escalation) without
 * a trace but an incident; that is refused like every other change of a job.
 *
 * <p>A refused request changes nothing (SPEC §7.9). Camunda counts a failed
 * {@code executeJob} as a failure of the job itself, even when it was refused for the caller
 * (one retry used up, an incident naming the refused user at the third), so the refusal of a
 * job's execution is decided before the engine starts it ({@link Service#executeJob}).
 */
final class JobControl extends CommandInterceptor {

  /** Commands that run, move, suspend or delete jobs and their definitions: administrators. */
  private static final List<Class<?>> ADMINISTRATORS_ONLY = List.of(ExecuteJobsCmd.class,
      AbstractSetStateCmd.class, AbstractUpdateProcessInstancesSuspendStateCmd.class,
      AbstractSetBatchStateCmd.class, AbstractSetJobsRetriesBatchCmd.class,
      SetJobDuedateCmd.class, RecalculateJobDuedateCmd.class, DeleteJobCmd.class,
      DeleteJobsCmd.class, SetJobPriorityCmd.class, SetJobDefinitionPriorityCmd.class,
      HistoryCleanupCmd.class);

  @Override
  public <T> T execute(Command<T> command) {
    if (UserCommands.isOutermost()) {
      CommandContext context = Context.getCommandContext();
      Authentication user = context.getAuthentication();
      if (isPersonNotAdministrator(context, user)) {
        check(command, context, user);
      }
    }
    return next.execute(command);
  }

  /** A signed-in person's own command, not the engine's and not an administrator's. */
  private static boolean isPersonNotAdministrator(CommandContext context, Authentication user) {
    return user != null && user.getUserId() != null
        && !context.getAuthorizationManager().isCamundaAdmin(user);
  }

  private static void check(Command<?> command, CommandContext context, Authentication user) {
    if (ADMINISTRATORS_ONLY.stream().anyMatch(type -> type.isInstance(command))) {
      throw refused(user, command.getClass().getSimpleName().replaceFirst("Cmd$", ""));
    }
    if (command instanceof SetJobRetriesCmd retries) {
      checkRetry(context, user, CommandPayloads.retries(retries));
    }
  }

  /** A retry gives a failed job its retries back: at least one, and only to a failed job. */
  private static void checkRetry(CommandContext context, Authentication user,
      CommandPayloads.Retry retry) {
    if (retry.movesDueDate()) {
      throw new AuthorizationException("A retry does not move a timer (SPEC §7.1, §7.10): "
          + "deadlines are the procedure's; an administrator (camunda-admin) moves one.");
    }
    // at most as many retries as the engine first gives a job (3 unless configured otherwise)
    int repairRetries = context.getProcessEngineConfiguration().getDefaultNumberOfRetries();
    if (retry.retries() > repairRetries) {
      throw new AuthorizationException("A failed job is retried with at most " + repairRetries
          + " retries, as the engine first gives it; more would keep a failing deadline out of "
          + "Cockpit's incidents (SPEC §7.10).");
    }
    if (retry.retries() < 1) {
      throw new AuthorizationException(user.getUserId() + " may not take a job's retries "
          + "away: that would silence the case's deadline (SPEC §7.10). Retrying gives a failed "
          + "job at least 1 retry; an administrator (camunda-admin) stops a job.");
    }
    for (String jobId : retry.jobIds()) {
      JobEntity job = context.getJobManager().findJobById(jobId);
      if (job != null && job.getRetries() > 0) {
        throw new AuthorizationException("Job " + jobId + " has not failed (" + job.getRetries()
            + " retries left): only a failed job is retried (SPEC §7.10).");
      }
    }
    // by job definition, the engine gives retries to that definition's failed jobs alone
  }

  private static AuthorizationException refused(Authentication user, String what) {
    return new AuthorizationException(user.getUserId() + " may not " + what + ": timers, "
        + "deadlines and scheduled jobs are run, moved, suspended and deleted by the procedure "
        + "and by administrators (camunda-admin) alone (SPEC §7.10). A failed job is retried "
        + "in Cockpit.");
  }

  /**
   * Camunda's management service, whose {@code executeJob} first asks whether the caller may
   * run the job at all, in a command of its own: a refusal then leaves the job as it was,
   * where the engine would have counted it as the job's failure.
   */
  static final class Service extends ManagementServiceImpl {

    Service(ProcessEngineConfiguration configuration) {
      super(configuration);
    }

    @Override
    public void executeJob(String jobId) {
      commandExecutor.execute(new MayExecute());
      super.executeJob(jobId);
    }
  }

  /** Passes for the engine itself and for administrators; refuses everyone else. */
  private static final class MayExecute implements Command<Void> {
    @Override
    public Void execute(CommandContext context) {
      Authentication user = context.getAuthentication();
      if (isPersonNotAdministrator(context, user)) {
        throw refused(user, "run a job now");
      }
      return null;
    }
  }
}
