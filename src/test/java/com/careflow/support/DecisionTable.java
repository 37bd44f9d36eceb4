package com.careflow.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;

/** A decision of {@code processes/}, evaluated on its own by Camunda's DMN engine. */
public final class DecisionTable {

  private static final DmnEngine DMN =
      DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

  private final DmnDecision decision;

  private DecisionTable(DmnDecision decision) {
    this.decision = decision;
  }

  /** The decision {@code key} of the model file {@code file}, e.g. processes/x.dmn. */
  public static DecisionTable of(String file, String key) {
    try (InputStream model = Files.newInputStream(Path.of(file))) {
      return new DecisionTable(DMN.parseDecision(key, model));
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
  }

  public DmnDecisionResult evaluate(Map<String, Object> inputs) {
    return DMN.evaluateDecision(decision, inputs);
  }
}
