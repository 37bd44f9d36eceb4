package com.careflow.startup;

/** A start-up configuration CareFlow refuses to run with; {@link #action()} says the fix. */
public class StartupConfigurationException extends RuntimeException {

  private final String action;

  public StartupConfigurationException(String problem, String action) {
    super(problem);
    this.action = action;
  }

  public String action() {
    return action;
  }
}
