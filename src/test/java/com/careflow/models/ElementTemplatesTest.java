package com.careflow.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.careflow.support.CareFlowSpringTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * For process owners (the policy lives in the models): the Camunda Modeler element templates in
 * {@code .camunda/element-templates/} and CareFlow's delegates match one to one, so a process
 * owner picks "通知客户" from Modeler's list and the engine finds the bean it names. (That every
 * service task of {@code processes/} is made from a template is the model quality gate's rule,
 * and bpmnlint's.)
 */
@CareFlowSpringTest
class ElementTemplatesTest {

  private static final Path TEMPLATES = Path.of(".camunda/element-templates");

  /** Delegates the models use as listeners, not as service tasks. */
  private static final Set<String> LISTENERS = Set.of("recordTriage");

  @Autowired private ApplicationContext application;

  @Test
  void everyTemplateNamesABeanThatIsADelegate() throws IOException {
    Map<String, String> templates = ModelQualityGate.templates(TEMPLATES);
    assertThat(templates).isNotEmpty();
    templates.forEach((id, implementation) -> {
      assertThat(implementation).as(id).matches("\\$\\{[a-zA-Z]+\\}");
      String bean = implementation.substring(2, implementation.length() - 1);
      assertThat(application.containsBean(bean)).as(id + " names " + bean).isTrue();
      assertThat(application.getBean(bean)).as(id).isInstanceOf(JavaDelegate.class);
    });
  }

  @Test
  void everyDelegateBeanHasItsTemplate() throws IOException {
    Set<String> templated = new TreeSet<>();
    ModelQualityGate.templates(TEMPLATES).values()
        .forEach(value -> templated.add(value.substring(2, value.length() - 1)));
    Set<String> delegates = new TreeSet<>(Arrays.asList(application.getBeanNamesForType(
        JavaDelegate.class)));
    // Camunda's own, the tests' own (recordSmoke), and a delegate that runs as a task's
    // listener rather than as a service task (recordTriage, the triage task's end listener)
    delegates.removeIf(name -> name.contains(".") || LISTENERS.contains(name)
        || application.getType(name).getProtectionDomain().getCodeSource().getLocation()
            .getPath().contains("test-classes"));
    assertThat(delegates).isNotEmpty();
    assertThat(templated).containsAll(delegates);
  }

  @Test
  void everyTemplateIsOneModelerFiveCanLoad() throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> templates = new ArrayList<>();
    for (Path file : ModelQualityGate.files(TEMPLATES, ".json")) {
      JsonNode read = json.readTree(file.toFile());
      read.forEach(templates::add);
    }
    Set<String> ids = new TreeSet<>();
    for (JsonNode template : templates) {
      String id = template.path("id").asText();
      assertThat(ids.add(id)).as("one template per id: " + id).isTrue();
      assertThat(template.path("$schema").asText()).as(id)
          .startsWith("https://unpkg.com/@camunda/element-templates-json-schema");
      assertThat(template.path("name").asText()).as(id).matches(".*[\\u4e00-\\u9fff].*");
      assertThat(template.path("version").asInt()).as(id).isPositive();
      assertThat(template.path("appliesTo").toString()).as(id).contains("bpmn:ServiceTask");
      for (JsonNode property : template.path("properties")) {
        assertThat(property.path("binding").path("type").asText()).as(id)
            .isIn("property", "camunda:inputParameter", "camunda:outputParameter",
                "camunda:field");
      }
    }
    assertThat(templates).isNotEmpty();
  }
}
