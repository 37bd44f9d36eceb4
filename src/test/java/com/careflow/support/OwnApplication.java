package com.careflow.support;

/**
 * Tag of the test classes that start and stop applications of their own (the PostgreSQL
 * profile, start-up failures). Surefire runs them in a JVM of their own: Camunda keeps its
 * engines in a static registry, which the REST API and web apps of the shared test
 * application ({@link CareFlowSpringTest}) look the engine up in, and closing another
 * application in the same JVM leaves that registry pointing at a closed engine.
 */
public final class OwnApplication {

  public static final String TAG = "own-application";

  private OwnApplication() {}
}
