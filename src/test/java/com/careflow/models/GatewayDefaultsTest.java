package com.careflow.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.junit.jupiter.api.Test;

/**
 * No drastic default: every default flow of every exclusive gateway CareFlow
 * deploys is listed, with why it is safe, in {@code quality-gate/default-flows.txt}. A default
 * added to a model fails here until someone reviews it; one removed must leave the list too.
 * The gateways that decide on a person's answer and would close, reject or withdraw have none
 * and wait asynchronously, so an unexpected value is an incident.
 */
class GatewayDefaultsTest {

  private static final Path REVIEWED = Path.of("src/test/resources/quality-gate/default-flows.txt");

  @Test
  void everyDefaultFlowOfEveryModelIsReviewed() throws IOException {
    Set<String> reviewed = new TreeSet<>();
    for (String line : Files.readAllLines(REVIEWED)) {
      if (!line.isBlank() && !line.startsWith("#")) {
        assertThat(line).as("a reason after |").contains(" | ");
        assertThat(line.substring(line.indexOf(" | ") + 3)).as(line).isNotBlank();
        reviewed.add(line.substring(0, line.indexOf(" | ")).strip());
      }
    }
    assertThat(defaults()).isEqualTo(reviewed);
  }

  @Test
  void theGatewaysThatCloseRejectOrWithdrawOnAnAnswerHaveNoDefaultAndWaitAsynchronously()
      throws IOException {
    for (String gateway : Set.of("complaint-handling.bpmn ComplaintJustified",
        "complaint-handling.bpmn CustomerAccepts", "complaint-handling.bpmn RemedyKind",
        "sanction-publication.bpmn SanctionPublishedGateway",
        "staff-promotion.bpmn PromotionApproved")) {
      String[] modelAndId = gateway.split(" ");
      ExclusiveGateway element = Bpmn.readModelFromFile(Path.of("processes", modelAndId[0])
          .toFile()).getModelElementById(modelAndId[1]);
      assertThat(element).as(gateway).isNotNull();
      assertThat(element.getDefault()).as(gateway + " has no default").isNull();
      assertThat(element.isCamundaAsyncBefore()).as(gateway + " waits asynchronously").isTrue();
    }
  }

  private static Set<String> defaults() throws IOException {
    Set<String> found = new TreeSet<>();
    try (var files = Files.list(Path.of("processes"))) {
      for (Path file : files.filter(path -> path.toString().endsWith(".bpmn")).toList()) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        for (ExclusiveGateway gateway : model.getModelElementsByType(ExclusiveGateway.class)) {
          if (gateway.getDefault() != null) {
            found.add(file.getFileName() + " " + gateway.getId() + " "
                + gateway.getDefault().getTarget().getId());
          }
        }
      }
    }
    return found;
  }
}
