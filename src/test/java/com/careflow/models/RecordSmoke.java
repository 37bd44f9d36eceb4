package com.careflow.models;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Test delegate of the platform-smoke fixture: records who ran it, or fails when the instance
 * asks it to (variable {@code failSmoke}), to show a failing side effect becoming an incident.
 */
@Component("recordSmoke")
class RecordSmoke implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    if (Boolean.TRUE.equals(execution.getVariable("failSmoke"))) {
      throw new IllegalStateException("The smoke check was asked to fail");
    }
    execution.setVariable("recordedBy", "recordSmoke");
  }
}
