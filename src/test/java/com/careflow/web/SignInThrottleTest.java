package com.careflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.careflow.support.MovableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** SPEC §7.8: the guesser's address waits longer and longer; the owner and the account do not. */
class SignInThrottleTest {

  private final MovableClock clock = new MovableClock();
  private final SignInThrottle throttle = new SignInThrottle(clock);

  @Test
  void fiveWrongPasswordsAreFreeThenTheWaitDoublesUpToAMinute() {
    for (int i = 0; i < SignInThrottle.FREE_FAILURES; i++) {
      assertThat(throttle.waitBeforeTrying("agent", "10.0.0.9")).isZero();
      throttle.failed("agent", "10.0.0.9");
    }
    assertThat(throttle.waitBeforeTrying("agent", "10.0.0.9")).isZero();
    long[] expected = {2, 4, 8, 16, 32, 60, 60};
    for (long seconds : expected) {
      throttle.failed("agent", "10.0.0.9");
      assertThat(throttle.waitBeforeTrying("agent", "10.0.0.9"))
          .isEqualTo(Duration.ofSeconds(seconds));
      clock.advance(Duration.ofSeconds(seconds));
      assertThat(throttle.waitBeforeTrying("agent", "10.0.0.9")).isZero();
    }
  }

  @Test
  void anotherAddressAndAnotherAccountAreNotHeldUp() {
    for (int i = 0; i < 20; i++) {
      throttle.failed("agent", "10.0.0.9");
    }
    assertThat(throttle.waitBeforeTrying("agent", "10.0.0.9")).isPositive();
    assertThat(throttle.waitBeforeTrying("agent", "10.0.0.1")).as("the owner's machine").isZero();
    assertThat(throttle.waitBeforeTrying("AGENT", "10.0.0.9")).as("same account").isPositive();
    assertThat(throttle.waitBeforeTrying("agent2", "10.0.0.9")).isZero();
  }

  @Test
  void aSuccessOrAQuietQuarterOfAnHourForgetsTheFailures() {
    for (int i = 0; i < 8; i++) {
      throttle.failed("agent", "10.0.0.9");
      throttle.failed("vp", "10.0.0.9");
    }
    throttle.succeeded("agent", "10.0.0.9");
    assertThat(throttle.waitBeforeTrying("agent", "10.0.0.9")).isZero();
    clock.advance(SignInThrottle.FORGET_AFTER.plusSeconds(1));
    assertThat(throttle.waitBeforeTrying("vp", "10.0.0.9")).isZero();
    throttle.failed("vp", "10.0.0.9");
    assertThat(throttle.waitBeforeTrying("vp", "10.0.0.9")).as("counting afresh").isZero();
  }
}
