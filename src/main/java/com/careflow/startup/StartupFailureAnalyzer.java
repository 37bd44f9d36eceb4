package com.careflow.startup;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;

/** Reports a refused start-up configuration as its problem and fix, without a stack trace. */
public class StartupFailureAnalyzer extends AbstractFailureAnalyzer<StartupConfigurationException>
    implements Ordered {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, StartupConfigurationException cause) {
    return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }
}
