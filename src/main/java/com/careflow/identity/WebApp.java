package com.careflow.identity;

import java.util.Locale;

/** The Camunda web applications a staff group may open (Admin is for {@code camunda-admin}). */
public enum WebApp {
  TASKLIST,
  COCKPIT;

  /** The application's resource id in Camunda's authorizations. */
  public String resourceId() {
    return name().toLowerCase(Locale.ROOT);
  }
}
