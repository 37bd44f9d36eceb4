package com.careflow.complaint;

import java.util.random.RandomGenerator;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Draws whether a closed complaint is spot-checked by the management office (SPEC §1.9). The
 * rate is policy, the task's input parameter {@code samplingRate} (0.10 = 10%) in the model.
 */
@Component("drawSpotCheckSample")
public class DrawSpotCheckSample implements JavaDelegate {

  private final RandomGenerator random;

  @Autowired
  public DrawSpotCheckSample() {
    this(RandomGenerator.getDefault());
  }

  DrawSpotCheckSample(RandomGenerator random) {
    this.random = random;
  }

  @Override
  public void execute(DelegateExecution execution) {
    double rate = ((Number) execution.getVariableLocal("samplingRate")).doubleValue();
    if (rate < 0 || rate > 1) {
      throw new IllegalArgumentException("samplingRate must be between 0 and 1: " + rate);
    }
    execution.setVariable("spotCheck", random.nextDouble() < rate);
  }
}
