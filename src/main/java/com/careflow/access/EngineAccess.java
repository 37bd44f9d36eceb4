package com.careflow.access;

import com.careflow.identity.Departments;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.GenericManagerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * SPEC §7 at the engine, for every door (Tasklist, Cockpit, Camunda's REST API):
 * <ul>
 *   <li>variables are read only with a grant for them ({@code enforceSpecificVariablePermission}):
 *       a process's instances do not show their data to people who may only see that they run;
 *   <li>a task's candidates and assignee may work it (TASK_WORK), not change it or its
 *       variables (UPDATE, Camunda's default), and the department's managers may reassign it
 *       ({@link DepartmentTaskAuthorizations});
 *   <li>access is granted, never revoked ({@link GrantsOnly}): the engine does not look for
 *       REVOKE authorizations;
 *   <li>a person's groups are checked as they are ({@link GroupsAsGiven}), without first
 *       reading which groups have any authorization at all;
 *   <li>{@link CaseDataGuard} holds each task to its form, {@link JobControl} keeps timers and
 *       scheduled jobs to the procedure and administrators, and {@link UserCommands} answers
 *       a person's failed commands with 409, 404 or 400 instead of 500;
 *   <li>wrong passwords never lock an account nor delay its owner: the guesser is slowed at
 *       CareFlow's doors instead ({@code web.SignInThrottle}); a sign-in check writes nothing and
 *       takes as long for an unknown user as for a known one ({@link PasswordChecks}).
 * </ul>
 */
@Component
@Order(5)
public class EngineAccess extends AbstractProcessEnginePlugin {

  private final Departments departments;
  private final ObjectMapper json;

  public EngineAccess(Departments departments, ObjectMapper json) {
    this.departments = departments;
    this.json = json;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    CommandPayloads.verify();
    configuration.setEnforceSpecificVariablePermission(true);
    configuration.setDefaultUserPermissionForTask(Permissions.TASK_WORK);
    configuration.setResourceAuthorizationProvider(new DepartmentTaskAuthorizations(departments));
    configuration.setCustomPreCommandInterceptorsTxRequired(append(append(
        configuration.getCustomPreCommandInterceptorsTxRequired(),
        new UserCommands(configuration)), new GrantsOnly()));
    configuration.setAuthorizationCheckRevokes(
        ProcessEngineConfigurationImpl.AUTHORIZATION_CHECK_REVOKE_NEVER);
    configuration.setCustomSessionFactories(append(configuration.getCustomSessionFactories(),
        GroupsAsGiven.sessions()));
    configuration.setCustomPostCommandInterceptorsTxRequired(append(append(
        configuration.getCustomPostCommandInterceptorsTxRequired(),
        new CaseDataGuard(new TaskForms(json), departments)), new JobControl()));
    configuration.setManagementService(new JobControl.Service(configuration));
    // Camunda locks an account after 10 failures and delays its next sign-in: anyone could
    // lock out anyone. CareFlow slows the guessing client instead.
    configuration.setIdentityProviderSessionFactory(
        new GenericManagerFactory(PasswordChecks.class));
    configuration.setLoginMaxAttempts(Integer.MAX_VALUE);
    configuration.setLoginDelayBase(0);
    configuration.setLoginDelayMaxTime(0);
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    GrantsOnly.checkNoRevokes(engine);
  }

  /**
   * One of the engine's lists of extensions (interceptors, session factories; possibly null)
   * with {@code extension} last.
   */
  public static <T> List<T> append(List<T> extensions, T extension) {
    List<T> all = extensions == null ? new ArrayList<>() : new ArrayList<>(extensions);
    all.add(extension);
    return all;
  }
}
