package com.careflow.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * SPEC §7.8: repeated wrong passwords slow the guesser, never the real user. Failures are
 * counted per account <em>and</em> client address: after {@value #FREE_FAILURES} wrong
 * passwords from one address, that address waits before its next try for that account
 * (2 s, doubling, at most {@value #MAX_WAIT_SECONDS} s), and a try during the wait is answered
 * 429 without checking the password. The account's owner, signing in from their own machine,
 * is not held up, and nothing is ever locked: a success clears the count, and a quiet quarter
 * of an hour forgets it. (Camunda's own lock-out, which anyone could trigger for anyone, is off:
 * {@code access.EngineAccess}.)
 *
 * <p>Counts live in this node's memory, bounded in size; each node of a cluster slows guessers
 * on its own.
 */
@Component
public class SignInThrottle {

  static final int FREE_FAILURES = 5;
  static final int MAX_WAIT_SECONDS = 60;
  static final Duration FORGET_AFTER = Duration.ofMinutes(15);
  private static final int MAX_TRACKED = 100_000;

  /** Failures of one account from one address, and when the next try is allowed. */
  private record Failures(int count, Instant last, Instant nextTry) {}

  private final Map<String, Failures> failures = new ConcurrentHashMap<>();
  private final Clock clock;

  public SignInThrottle() {
    this(Clock.systemUTC());
  }

  SignInThrottle(Clock clock) {
    this.clock = clock;
  }

  /** How long this address must still wait before trying this account; zero if it may try now. */
  public Duration waitBeforeTrying(String userId, String address) {
    Failures entry = failures.get(key(userId, address));
    if (entry == null) {
      return Duration.ZERO;
    }
    Instant now = clock.instant();
    if (entry.last().plus(FORGET_AFTER).isBefore(now)) {
      failures.remove(key(userId, address));
      return Duration.ZERO;
    }
    Duration wait = Duration.between(now, entry.nextTry());
    return wait.isNegative() ? Duration.ZERO : wait;
  }

  public void failed(String userId, String address) {
    if (failures.size() >= MAX_TRACKED) {
      forgetOld();
    }
    Instant now = clock.instant();
    failures.compute(key(userId, address), (key, entry) -> {
      int count = entry == null || entry.last().plus(FORGET_AFTER).isBefore(now) ? 1
          : entry.count() + 1;
      long waitSeconds = count <= FREE_FAILURES ? 0
          : Math.min(MAX_WAIT_SECONDS, 1L << Math.min(count - FREE_FAILURES, 6));
      return new Failures(count, now, now.plusSeconds(waitSeconds));
    });
  }

  public void succeeded(String userId, String address) {
    failures.remove(key(userId, address));
  }

  private void forgetOld() {
    Instant horizon = clock.instant().minus(FORGET_AFTER);
    failures.values().removeIf(entry -> entry.last().isBefore(horizon));
    if (failures.size() >= MAX_TRACKED) {
      failures.clear(); // under a flood of addresses: start afresh rather than grow
    }
  }

  private static String key(String userId, String address) {
    return (userId == null ? "" : userId.toLowerCase(Locale.ROOT)) + "\n" + address;
  }
}
