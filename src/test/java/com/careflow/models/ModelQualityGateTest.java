package com.careflow.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.careflow.support.CareFlowSpringTest;
import com.careflow.identity.IdentityProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
  @Autowired
  private IdentityProperties identity;

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

  @Test
  void everyFormShowsTheCustomerOnlyToGroupsThatReadCustomerData() throws IOException {
    CustomerDataInForms check = customerDataCheck(FORMS, PROCESSES);
    List<String> violations = new ArrayList<>();
    for (Path bpmn : ModelQualityGate.files(PROCESSES, ".bpmn")) {
      violations.addAll(check.check(bpmn));
    }
    assertThat(violations).isEmpty();
  }

  /** The check fails on a warehouse task whose form shows the customer's phone. */
  @Test
  void theCustomerDataCheckFailsOnAWarehouseFormWithThePhone(@TempDir Path folder)
      throws IOException {
    Files.writeString(folder.resolve("pick.form"), """
        {"id":"pick","type":"default","schemaVersion":16,"components":[
          {"type":"textfield","id":"F1","key":"orderNumber","label":"订单","disabled":true},
          {"type":"text","id":"T1","text":"客户电话：{{customerPhone}}"}]}""");
    Files.writeString(folder.resolve("ship.form"), """
        {"id":"ship","type":"default","schemaVersion":16,"components":[
          {"type":"textfield","id":"F1","key":"orderNumber","label":"订单","disabled":true}]}""");
    Bpmn.writeModelToFile(folder.resolve("pick.bpmn").toFile(), Bpmn.createExecutableProcess(
            "pick").startEvent().userTask("Pick").camundaCandidateGroups("warehouse")
        .camundaFormRef("pick").userTask("Ship").camundaCandidateGroups("${shipper}")
        .camundaFormRef("pick").userTask("Label").camundaCandidateGroups("warehouse")
        .camundaFormRef("ship").userTask("Call").camundaCandidateGroups("sales")
        .camundaFormRef("pick").endEvent().done());

    List<String> violations = customerDataCheck(folder, folder)
        .check(folder.resolve("pick.bpmn"));
    assertThat(violations).hasSize(2);
    assertThat(violations.get(0)).contains("Pick", "customerPhone", "warehouse");
    assertThat(violations.get(1)).contains("Ship", "cannot be told");
  }

  private CustomerDataInForms customerDataCheck(Path forms, Path decisions) throws IOException {
    Set<String> readers = new java.util.HashSet<>(identity.customerData().readers());
    readers.addAll(identity.customerData().caseHandlers());
    return new CustomerDataInForms(readers, forms, decisions);
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
