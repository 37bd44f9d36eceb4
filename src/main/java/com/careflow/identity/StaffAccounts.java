package com.careflow.identity;

import java.security.SecureRandom;
import java.util.Base64;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A member of staff's Tasklist account: opened when a new agent goes on duty (SPEC §3.3),
 * closed when employment ends. Camunda users have no "disabled" flag, so closing takes every
 * group membership away (no application, no task) and replaces the password with a random one
 * nobody knows; opening it again restores the membership, and an administrator gives a new
 * password in Admin.
 */
@Component
public class StaffAccounts {

  private static final Logger LOG = LoggerFactory.getLogger(StaffAccounts.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final IdentityService identity;
  private final String initialPassword;

  /**
   * @param initialPassword the password a newly created account gets; none (the usual case)
   *     leaves it to an administrator, who gives one in Admin
   */
  public StaffAccounts(IdentityService identity, IdentityProperties properties) {
    this.identity = identity;
    this.initialPassword = properties.initialPassword();
  }

  /**
   * Makes {@code userId} a member of {@code group}, creating the user when it does not exist.
   *
   * @return true when the user was created
   */
  public boolean open(String userId, String name, String email, String group) {
    boolean created = false;
    User user = identity.createUserQuery().userId(userId).singleResult();
    if (user == null) {
      user = identity.newUser(userId);
      user.setFirstName(name);
      user.setLastName("");
      user.setEmail(email);
      if (initialPassword != null) {
        user.setPassword(initialPassword);
      }
      identity.saveUser(user);
      created = true;
    }
    if (identity.createUserQuery().userId(userId).memberOfGroup(group).count() == 0) {
      identity.createMembership(userId, group);
    }
    LOG.info("Tasklist account {} {} and in group {}", userId, created ? "created" : "opened",
        group);
    return created;
  }

  /** Closes the account: no group, and a password nobody knows. A missing user is left alone. */
  public void close(String userId) {
    User user = identity.createUserQuery().userId(userId).singleResult();
    if (user == null) {
      return;
    }
    for (Group group : identity.createGroupQuery().groupMember(userId).list()) {
      identity.deleteMembership(userId, group.getId());
    }
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    user.setPassword(Base64.getEncoder().encodeToString(secret));
    identity.saveUser(user);
    LOG.info("Tasklist account {} closed", userId);
  }
}
