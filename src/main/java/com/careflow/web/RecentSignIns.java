package com.careflow.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The REST callers whose password was checked against Camunda's identity service a moment ago,
 * with their groups, so that a client calling {@code /api} and {@code /engine-rest} many times
 * a minute (Tasklist-like clients send HTTP Basic on every call) does not cost two database
 * round trips per call for the same answer (issue 18: most of a complaint's database
 * transactions were these look-ups).
 *
 * <p>What is kept is a salted SHA-256 of the password, never the password. A changed password,
 * a removed user or a changed group membership takes effect within {@code remember} (by default
 * one minute; Camunda's own web apps re-check a signed-in session every five), and at once on
 * the node where it was changed through CareFlow. A wrong password is never remembered: it goes
 * to the identity service and the sign-in throttle every time. Zero turns the memory off.
 */
final class RecentSignIns {

  /** A verified sign-in: the password's digest, what the caller is, and until when. */
  private record Verified(byte[] salt, byte[] digest, List<String> groups, List<String> tenants,
      Instant until) {}

  /** What a remembered sign-in says about the caller. */
  record Caller(List<String> groups, List<String> tenants) {}

  private static final int MAX_REMEMBERED = 10_000;

  private final Map<String, Verified> verified = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();
  private final Duration remember;
  private final Clock clock;

  RecentSignIns(Duration remember, Clock clock) {
    this.remember = remember;
    this.clock = clock;
  }

  /** The caller, if this user signed in with this very password within {@code remember}. */
  Optional<Caller> recall(String userId, String password) {
    Verified entry = verified.get(userId);
    if (entry == null) {
      return Optional.empty();
    }
    if (!clock.instant().isBefore(entry.until())) {
      verified.remove(userId, entry);
      return Optional.empty();
    }
    return MessageDigest.isEqual(entry.digest(), digest(entry.salt(), password))
        ? Optional.of(new Caller(entry.groups(), entry.tenants())) : Optional.empty();
  }

  /** Remembers a sign-in the identity service has just verified. */
  void remember(String userId, String password, Caller caller) {
    if (remember.isZero() || remember.isNegative()) {
      return;
    }
    if (verified.size() >= MAX_REMEMBERED) {
      verified.clear(); // a flood of distinct users: start over rather than grow
    }
    byte[] salt = new byte[16];
    random.nextBytes(salt);
    verified.put(userId, new Verified(salt, digest(salt, password),
        List.copyOf(caller.groups()), List.copyOf(caller.tenants()),
        clock.instant().plus(remember)));
  }

  /** Forgets every sign-in at once: a password, an account or a membership changed. */
  void forgetAll() {
    verified.clear();
  }

  private static byte[] digest(byte[] salt, String password) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(salt);
      return sha.digest(password.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
