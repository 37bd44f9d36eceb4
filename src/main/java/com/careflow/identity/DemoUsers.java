package com.careflow.identity;

import com.careflow.identity.DemoProperties.DemoUser;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * DEMO ONLY: creates the documented demo users of the {@code demo} profile (the default run on
 * the embedded database). The {@code postgres} profile never loads this bean.
 */
@Component
@Profile("demo")
@Order(30)
public class DemoUsers extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(DemoUsers.class);

  private final DemoProperties demo;

  public DemoUsers(DemoProperties demo) {
    this.demo = demo;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    IdentityService identity = engine.getIdentityService();
    for (DemoUser demoUser : demo.users()) {
      if (identity.createUserQuery().userId(demoUser.id()).count() == 0) {
        User user = identity.newUser(demoUser.id());
        user.setFirstName(demoUser.firstName());
        user.setLastName(demoUser.lastName());
        user.setEmail(demoUser.id() + "@demo.careflow.invalid");
        user.setPassword(demo.password());
        identity.saveUser(user);
      }
      for (String groupId : demoUser.groups()) {
        if (identity.createUserQuery().userId(demoUser.id()).memberOfGroup(groupId).count() == 0) {
          identity.createMembership(demoUser.id(), groupId);
        }
      }
    }
    LOG.warn("DEMO users ready ({}), all with the demo password: never use the demo profile "
        + "with real data", demo.users().stream().map(DemoUser::id).toList());
  }
}
