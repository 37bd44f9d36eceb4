package com.careflow.access;

import jakarta.ws.rs.core.Response.Status;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.rest.exception.RestException;

/**
 * The outermost layer of the engine for a person's own command: a call through Camunda's REST
 * API or a web app, made in a signed-in user's name (the engine's current authentication). The
 * commands the engine runs for itself (jobs, timers) and CareFlow's own code have no such user,
 * and commands a command runs inside itself are not a person's own.
 *
 * <p>It marks the command as outermost for {@link CaseDataGuard}, and answers its failures as a
 * person should read them (SPEC §7.7), for both doors at once (their error handlers read the
 * status of a {@link RestException}):
 * <ul>
 *   <li>{@code 409}: the task changed under the request: two people claimed or completed it at
 *       the same moment, or it was completed a moment before;
 *   <li>{@code 404}: no such task (or other thing the command names);
 *   <li>{@code 400}: the request was refused as invalid ({@link BadUserRequestException}, e.g.
 *       a form value out of range, or an id Camunda does not accept), where Camunda's REST API
 *       would answer {@code 500}.
 * </ul>
 */
final class UserCommands extends CommandInterceptor {

  private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

  private final ProcessEngineConfigurationImpl engine;

  UserCommands(ProcessEngineConfigurationImpl engine) {
    this.engine = engine;
  }

  /** Whether the command now running is a person's own, not one run inside another. */
  static boolean isOutermost() {
    return DEPTH.get()[0] == 1;
  }

  @Override
  public <T> T execute(Command<T> command) {
    int[] depth = DEPTH.get();
    depth[0]++;
    try {
      if (depth[0] > 1 || engine.getIdentityService().getCurrentAuthentication() == null) {
        return next.execute(command);
      }
      try {
        return next.execute(command);
      } catch (RestException e) {
        throw e;
      } catch (AuthorizationException e) {
        throw completedMeanwhile(command, e);
      } catch (ProcessEngineException e) {
        throw answer(command, e);
      }
    } finally {
      if (--depth[0] == 0) {
        DEPTH.remove();
      }
    }
  }

  private RuntimeException answer(Command<?> command, ProcessEngineException failure) {
    String taskId = taskOf(command);
    if (failure instanceof OptimisticLockingException || failure instanceof TaskAlreadyClaimedException
        || isConstraintViolation(failure)) {
      return new RestException(Status.CONFLICT, failure, taskId == null
          ? "Someone else changed this at the same moment; reload and try again."
          : "Task " + taskId + " was changed by someone else at the same moment (claimed or "
              + "completed); reload it.");
    }
    if (isMissing(failure)) {
      HistoricTaskInstance ended = taskId == null ? null : endedTask(taskId);
      return ended == null
          ? new RestException(Status.NOT_FOUND, failure, failure.getMessage())
          : new RestException(Status.CONFLICT, failure, "Task " + taskId + " ("
              + ended.getName() + ") was already completed"
              + (ended.getAssignee() == null ? "" : " by " + ended.getAssignee()) + ".");
    }
    if (failure instanceof BadUserRequestException || failure instanceof NullValueException
        || isInvalidId(failure)) {
      return new RestException(Status.BAD_REQUEST, failure, failure.getMessage());
    }
    return failure;
  }

  /**
   * A refusal that is really a race: the task was completed by someone else after this command
   * read it, and its grants went with it. Any other refusal stands.
   */
  private RuntimeException completedMeanwhile(Command<?> command, AuthorizationException refusal) {
    String taskId = taskOf(command);
    HistoricTaskInstance ended = taskId == null ? null : endedTask(taskId);
    return ended == null ? refusal : new RestException(Status.CONFLICT, refusal, "Task " + taskId
        + " (" + ended.getName() + ") was already completed"
        + (ended.getAssignee() == null ? "" : " by " + ended.getAssignee()) + ".");
  }

  private HistoricTaskInstance endedTask(String taskId) {
    return engine.getCommandExecutorTxRequired().execute(context ->
        context.runWithoutAuthorization(() -> {
          HistoricTaskInstance task = context.getHistoricTaskInstanceManager()
              .findHistoricTaskInstanceById(taskId);
          return task == null || task.getEndTime() == null ? null : task;
        }));
  }

  private static String taskOf(Command<?> command) {
    if (command instanceof CompleteTaskCmd complete) {
      return CommandPayloads.completion(complete).taskId();
    }
    if (command instanceof SubmitTaskFormCmd submit) {
      return CommandPayloads.submission(submit).taskId();
    }
    if (command instanceof ClaimTaskCmd claim) {
      return CommandPayloads.claim(claim).taskId();
    }
    return null;
  }

  /**
   * Something the command names does not exist: no such task, job, or message subscription of
   * an execution (which Camunda's REST API would answer 500).
   */
  private static boolean isMissing(ProcessEngineException failure) {
    String message = failure.getMessage() == null ? "" : failure.getMessage();
    return failure instanceof NotFoundException
        || failure instanceof NullValueException && message.startsWith("Cannot find")
        || message.contains("does not have a subscription to a message event")
        || message.contains("No job found with id");
  }

  /**
   * A user, group or tenant id outside the allowed pattern: Camunda says so only in the message
   * of a plain ProcessEngineException, which its REST API answers 500.
   */
  private static boolean isInvalidId(ProcessEngineException failure) {
    return failure.getMessage() != null
        && failure.getMessage().contains("is not a valid resource identifier");
  }

  /** Two writers inserting the same row at once (e.g. the same variable), in any database. */
  private static boolean isConstraintViolation(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLIntegrityConstraintViolationException
          || cause instanceof SQLException sql && sql.getSQLState() != null
              && sql.getSQLState().startsWith("23")) {
        return true;
      }
    }
    return false;
  }
}
