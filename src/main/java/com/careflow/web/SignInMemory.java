package com.careflow.web;

import com.careflow.access.EngineAccess;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CreateMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.CreateTenantGroupMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.CreateTenantUserMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteGroupCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTenantCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTenantGroupMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTenantUserMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteUserCmd;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.cmd.UnlockUserCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Holds the REST callers' recent sign-ins ({@link RecentSignIns}, kept for
 * {@code careflow.sign-in.remember}, one minute by default) and forgets them all the moment a
 * password, an account or a membership changes through this node's engine, by whatever door:
 * Admin, {@code /engine-rest}, or CareFlow itself (onboarding's accounts).
 */
@Component
public class SignInMemory extends AbstractProcessEnginePlugin {

  /** The engine commands after which what a sign-in said may no longer hold. */
  private static final Set<Class<?>> IDENTITY_CHANGES = Set.of(SaveUserCmd.class,
      DeleteUserCmd.class, UnlockUserCmd.class, CreateMembershipCmd.class,
      DeleteMembershipCmd.class, DeleteGroupCmd.class, CreateTenantUserMembershipCmd.class,
      DeleteTenantUserMembershipCmd.class, CreateTenantGroupMembershipCmd.class,
      DeleteTenantGroupMembershipCmd.class, DeleteTenantCmd.class);

  private final RecentSignIns recent;

  public SignInMemory(@Value("${careflow.sign-in.remember:PT1M}") Duration remember) {
    this.recent = new RecentSignIns(remember, Clock.systemUTC());
  }

  RecentSignIns recent() {
    return recent;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setCustomPreCommandInterceptorsTxRequired(EngineAccess.append(
        configuration.getCustomPreCommandInterceptorsTxRequired(), new CommandInterceptor() {
          @Override
          public <T> T execute(Command<T> command) {
            try {
              return next.execute(command);
            } finally {
              if (IDENTITY_CHANGES.contains(command.getClass())) {
                recent.forgetAll();
              }
            }
          }
        }));
  }
}
