package com.careflow.access;

import static org.camunda.bpm.engine.impl.util.EncryptionUtil.saltPassword;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.digest.PasswordManager;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;

/**
 * Camunda's database identity provider, with a sign-in check that tells nothing and writes
 * nothing (SPEC §7.8, §7.9):
 * <ul>
 *   <li>a wrong password for an unknown user takes the same work as for a known one: the
 *       password is digested and compared against a decoy, where Camunda answered at once, so
 *       the time told which user ids exist;
 *   <li>a wrong password writes nothing: Camunda counts it on the user's row (and logs a
 *       "temporary lock"), which is its lock-out, off in CareFlow ({@link EngineAccess}); the
 *       guesser is slowed at CareFlow's doors instead ({@code web.SignInThrottle}).
 * </ul>
 */
public class PasswordChecks extends DbIdentityServiceProvider {

  private static final String DECOY_SALT = "careflow-decoy-salt";
  private static volatile String decoy;

  @Override
  public boolean checkPassword(String userId, String password) {
    if (password == null) {
      return false;
    }
    UserEntity user = findUserById(userId);
    if (user == null || user.getPassword() == null) {
      PasswordManager passwords = Context.getProcessEngineConfiguration().getPasswordManager();
      passwords.check(saltPassword(password, DECOY_SALT), decoy(passwords));
      return false;
    }
    return super.checkPassword(userId, password); // the user is read once: the cache has it
  }

  @Override
  protected void lockUser(UserEntity user) {
    // nothing to count: CareFlow locks no account
  }

  private static String decoy(PasswordManager passwords) {
    String digest = decoy;
    if (digest == null) {
      digest = passwords.encrypt(saltPassword(java.util.UUID.randomUUID().toString(),
          DECOY_SALT));
      decoy = digest;
    }
    return digest;
  }
}
