package com.careflow.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.slf4j.LoggerFactory;

/**
 * Programs from Debian that some tests drive (Chromium, nginx): installed by {@code .ci/run},
 * optional on a developer's machine. In CI a missing one fails the test; elsewhere the part
 * that needs it is skipped with one line saying how to install it.
 */
public final class Installed {

  private Installed() {}

  /** Whether every one of these programs is installed; fails in CI when one is not. */
  public static boolean orFailInCi(String needs, String install, Path... programs) {
    boolean installed = Stream.of(programs).allMatch(Files::isExecutable);
    if (!installed && "true".equals(System.getenv("CI"))) {
      Assertions.fail("Not installed, but " + needs + " must run in CI: " + install);
    }
    if (!installed) {
      LoggerFactory.getLogger(Installed.class).warn("Skipping {}: {}", needs, install);
    }
    return installed;
  }
}
