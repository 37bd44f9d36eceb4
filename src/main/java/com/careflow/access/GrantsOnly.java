package com.careflow.access;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.impl.cmd.SaveAuthorizationCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * CareFlow's access rules are grants only (SPEC §7: each group is granted what its work needs,
 * nothing is granted to everyone and then taken back), so the engine never looks for REVOKE
 * authorizations ({@code authorization-check-revokes: never}): that spares one query in every
 * command and a join in every authorized query (issue 18). For that to stay true, a REVOKE
 * ("deny") authorization is refused wherever it is made — Admin, {@code /engine-rest}, code —
 * with 400 and the reason, and an engine that finds one in its database does not start.
 */
final class GrantsOnly extends CommandInterceptor {

  static final String REASON = "CareFlow's access rules are grants only: a REVOKE (deny) "
      + "authorization would be ignored. Remove the grant it would take back instead.";

  @Override
  public <T> T execute(Command<T> command) {
    if (command instanceof SaveAuthorizationCmd save) {
      Authorization authorization = CommandPayloads.savedAuthorization(save);
      if (authorization != null
          && authorization.getAuthorizationType() == Authorization.AUTH_TYPE_REVOKE) {
        throw new BadUserRequestException(REASON);
      }
    }
    return next.execute(command);
  }

  /** Refuses to run on a database that holds REVOKE authorizations the engine would ignore. */
  static void checkNoRevokes(ProcessEngine engine) {
    long revokes = engine.getAuthorizationService().createAuthorizationQuery()
        .authorizationType(Authorization.AUTH_TYPE_REVOKE).count();
    if (revokes > 0) {
      throw new IllegalStateException("The database holds " + revokes + " REVOKE (deny) "
          + "authorizations. " + REASON + " Delete them (Admin > Authorizations, or "
          + "DELETE /engine-rest/authorization/{id}) before starting CareFlow.");
    }
  }
}
