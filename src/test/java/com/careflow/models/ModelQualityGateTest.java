package com.careflow.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.careflow.support.CareFlowSpringTest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The model quality gate over every model CareFlow deploys: {@code processes/} and
 * {@code forms/} (production: task documentation must name its SPEC clause) and the test
 * fixtures. Delegate expressions are checked against the running application's beans.
 */
@CareFlowSpringTest
class ModelQualityGateTest {

  private static final Path PROCESSES = Path.of("processes");
  private static final Path FORMS = Path.of("forms");
  private static final Path FIXTURES = Path.of("src/test/resources/models");
  private static final Path TEMPLATES = Path.of(".camunda/element-templates");

  @Autowired
  private ApplicationContext application;

  @Test
  void everyProductionModelMeetsTheRules() throws IOException {
    ModelQualityGate gate = new ModelQualityGate(
        ModelQualityGate.formIds(List.of(FORMS)), application::containsBean, true,
        ModelQualityGate.templates(TEMPLATES));
    assertThat(check(gate, PROCESSES)).isEmpty();
  }

  @Test
  void everyTestFixtureModelMeetsTheRules() throws IOException {
    Set<String> formIds = ModelQualityGate.formIds(List.of(FORMS, FIXTURES));
    assertThat(formIds).contains("platform-smoke-confirm");
    ModelQualityGate gate = new ModelQualityGate(formIds, application::containsBean, false,
        ModelQualityGate.templates(Path.of("src/test/resources/quality-gate/element-templates")));
    assertThat(ModelQualityGate.files(FIXTURES, ".bpmn")).isNotEmpty();
    assertThat(ModelQualityGate.files(FIXTURES, ".dmn")).isNotEmpty();
    assertThat(check(gate, FIXTURES)).isEmpty();
  }

  private static List<String> check(ModelQualityGate gate, Path folder) throws IOException {
    List<String> violations = new ArrayList<>();
    for (Path bpmn : ModelQualityGate.files(folder, ".bpmn")) {
      violations.addAll(gate.checkBpmn(bpmn));
    }
    for (Path dmn : ModelQualityGate.files(folder, ".dmn")) {
      violations.addAll(gate.checkDmn(dmn));
    }
    return violations;
  }
}
