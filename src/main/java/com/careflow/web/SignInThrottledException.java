package com.careflow.web;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** Too many wrong passwords for this account from this address: try again after a while. */
public class SignInThrottledException extends AuthenticationException {

  private final transient Duration retryAfter;

  public SignInThrottledException(Duration retryAfter) {
    super("Too many wrong passwords for this account from your address");
    this.retryAfter = retryAfter;
  }

  /** Whole seconds to wait, at least one. */
  public long retryAfterSeconds() {
    return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
  }
}
