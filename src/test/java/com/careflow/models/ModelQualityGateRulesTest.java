package com.careflow.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each rule of the model quality gate catches the model that breaks it. */
class ModelQualityGateRulesTest {

  private static final Path FIXTURES = Path.of("src/test/resources/quality-gate");

  /** The fixture's element templates (careflow.smoke, careflow.other), shared with bpmnlint's. */
  private static final Map<String, String> TEMPLATES = fixtureTemplates();

  private final ModelQualityGate gate = new ModelQualityGate(
      Set.of("platform-smoke-confirm"), Set.of("recordSmoke")::contains, true, TEMPLATES);

  @Test
  void reportsEveryBrokenRuleOfAProcessModel() {
    assertThat(gate.checkBpmn(FIXTURES.resolve("violations.bpmn"))).containsExactlyInAnyOrder(
        "violations.bpmn: gate-violations: process is not executable",
        "violations.bpmn: gate-violations: process has no camunda:historyTimeToLive",
        "violations.bpmn: NoForm: user task has no camunda:formRef",
        "violations.bpmn: NoForm: user task has no candidate group or assignee",
        "violations.bpmn: MissingForm: form 'no-such-form' is not in forms/",
        "violations.bpmn: MissingForm: task documentation names no SPEC clause (SPEC §n.n)",
        "violations.bpmn: UnknownBean: no Spring bean named 'noSuchBean'",
        "violations.bpmn: ClassTask: use camunda:delegateExpression=\"${beanName}\", "
            + "not a class or expression",
        "violations.bpmn: Undocumented: task has no documentation",
        "violations.bpmn: Unshaped: flow node has no diagram shape",
        "violations.bpmn: NoForm: user task has no camunda:dueDate: nobody can tell when it is late",
        "violations.bpmn: MissingForm: user task has no camunda:dueDate: nobody can tell when it is "
            + "late",
        "violations.bpmn: NoDueDate: user task has no camunda:dueDate: nobody can tell when it is "
            + "late",
        "violations.bpmn: PersonOnly: user task held by a named person has no candidate group to "
            + "fall back on (a manager of that group reassigns it when the person is away)",
        "violations.bpmn: UnknownBean: service task is not made from an element template "
            + "(.camunda/element-templates/)",
        "violations.bpmn: ClassTask: service task is not made from an element template "
            + "(.camunda/element-templates/)",
        "violations.bpmn: Undocumented: service task is not made from an element template "
            + "(.camunda/element-templates/)",
        "violations.bpmn: Untemplated: service task is not made from an element template "
            + "(.camunda/element-templates/)",
        "violations.bpmn: UnknownTemplate: element template 'careflow.nothing' does not exist",
        "violations.bpmn: TemplateChanged: service task does not run its template's "
            + "${otherBean}");
  }

  @Test
  void reportsADecisionWithoutHistoryTimeToLive() {
    assertThat(gate.checkDmn(FIXTURES.resolve("violations.dmn"))).containsExactly(
        "violations.dmn: no-history-ttl: decision has no camunda:historyTimeToLive");
  }

  @Test
  void reportsAModelThatDoesNotParse() {
    assertThat(gate.checkBpmn(FIXTURES.resolve("unparseable.bpmn")))
        .singleElement().asString().startsWith("unparseable.bpmn: does not parse");
  }

  @Test
  void passesAModelThatMeetsEveryRule() {
    ModelQualityGate fixtureGate = new ModelQualityGate(
        Set.of("platform-smoke-confirm"), Set.of("recordSmoke")::contains, false, TEMPLATES);
    assertThat(fixtureGate.checkBpmn(Path.of("src/test/resources/models/platform-smoke.bpmn")))
        .isEmpty();
  }

  private static Map<String, String> fixtureTemplates() {
    try {
      return ModelQualityGate.templates(FIXTURES.resolve("element-templates"));
    } catch (java.io.IOException unreadable) {
      throw new java.io.UncheckedIOException(unreadable);
    }
  }
}
