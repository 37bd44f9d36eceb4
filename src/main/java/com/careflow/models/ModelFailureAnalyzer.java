package com.careflow.models;

import org.camunda.bpm.engine.ParseException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;

/** Tells a process owner which model failed to deploy, and where, without a stack trace. */
public class ModelFailureAnalyzer extends AbstractFailureAnalyzer<ParseException>
    implements Ordered {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, ParseException cause) {
    return new FailureAnalysis(
        "A model cannot be deployed: " + cause.getMessage(),
        "Open the model named above in Camunda Modeler, fix the reported element, save, and "
            + "restart CareFlow.",
        cause);
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }
}
