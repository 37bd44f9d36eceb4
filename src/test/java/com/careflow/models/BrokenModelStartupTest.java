package com.careflow.models;

import com.careflow.support.OwnApplication;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.careflow.CareFlowApplication;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A process owner who saves a broken model is told which file is wrong, not a stack trace. */
@ExtendWith(OutputCaptureExtension.class)
@Tag(OwnApplication.TAG)
class BrokenModelStartupTest {

  @Test
  void aBrokenProcessModelStopsTheStartNamingTheFile(CapturedOutput output) {
    assertThatThrownBy(() -> start("classpath*:broken-models/*.bpmn")).isNotNull();
    assertThat(output.getOut()).contains("APPLICATION FAILED TO START")
        .contains("A model cannot be deployed")
        .contains("broken-models/unconnected-flow.bpmn")
        .contains("Open the model named above in Camunda Modeler");
  }

  @Test
  void aBrokenDecisionStopsTheStartNamingTheFile(CapturedOutput output) {
    assertThatThrownBy(() -> start("classpath*:broken-models/*.dmn")).isNotNull();
    assertThat(output.getOut()).contains("APPLICATION FAILED TO START")
        .contains("A model cannot be deployed")
        .contains("broken-models/unknown-hit-policy.dmn");
  }

  private static void start(String location) {
    SpringApplication.run(CareFlowApplication.class, "--server.port=0",
        "--spring.datasource.url=jdbc:h2:mem:broken-" + System.nanoTime(),
        "--careflow.models.locations=" + location);
  }
}
