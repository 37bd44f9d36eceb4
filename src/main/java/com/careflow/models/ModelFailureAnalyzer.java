package com.careflow.models;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.dmn.engine.DmnEngineException;
import org.camunda.bpm.engine.ParseException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.Ordered;

/**
 * Tells a process owner which model failed to deploy, and why, without a stack trace: a BPMN
 * that does not parse ({@link ParseException}, with element and line) or a DMN that does not
 * transform ({@link DmnEngineException}, with its causes).
 */
public class ModelFailureAnalyzer implements FailureAnalyzer, Ordered {

  @Override
  public FailureAnalysis analyze(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof ParseException || cause instanceof DmnEngineException) {
        return new FailureAnalysis("A model cannot be deployed: " + messages(cause),
            "Open the model named above in Camunda Modeler, fix it, save, and restart CareFlow.",
            cause);
      }
    }
    return null;
  }

  /** The exception's message and those of its causes, which name the file and the problem. */
  private static String messages(Throwable exception) {
    List<String> messages = new ArrayList<>();
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause.getMessage() != null && !messages.contains(cause.getMessage())) {
        messages.add(cause.getMessage());
      }
    }
    return String.join(" <- ", messages);
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }
}
