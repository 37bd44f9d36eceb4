package com.careflow.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.careflow.CareFlowApplication;
import com.careflow.support.OwnApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A process owner changes policy in the models, with no Java change: in a copy of
 * {@code processes/} they shorten the closing limit of {@code complaint-deadlines} to 002's six
 * days and raise the over-acceptance ratio of {@code product-return} from 5% to 10%, then
 * restart CareFlow on that folder. New cases follow the new policy; a return already running
 * keeps the version it started on, and a complaint keeps the closing limit set when it was
 * registered.
 */
@Tag(OwnApplication.TAG)
class PolicyChangeTest {

  @TempDir private Path owner;

  @Test
  void anEditedDecisionAndModelTakeEffectOnNewCasesAfterARestart() throws IOException {
    Path processes = copy(Path.of("processes"), owner.resolve("careflow/processes"));
    Path forms = copy(Path.of("forms"), owner.resolve("careflow/forms"));
    String database = "jdbc:h2:file:" + owner.resolve("db/careflow") + ";WRITE_DELAY=0";

    ProcessInstance complaintBefore;
    ProcessInstance returnBefore;
    try (ConfigurableApplicationContext app = start(database, processes, forms)) {
      ProcessEngine engine = app.getBean(ProcessEngine.class);
      complaintBefore = complaint(engine, "CP-2611-0001");
      assertThat(closingLimit(engine, complaintBefore)).isEqualTo(Duration.ofDays(15));
      returnBefore = returnAwaitingProof(engine, "RT-2611-0001");
    }

    // the process owner's edits, as Camunda Modeler saves them
    Path deadlines = processes.resolve("complaint-deadlines.dmn");
    String table = Files.readString(deadlines);
    Files.writeString(deadlines, table.replaceAll(
        "(<outputEntry id=\"Domestic\\w*Close\"><text>)15(</text>)", "$16$2"));
    Path returns = processes.resolve("product-return.bpmn");
    String model = Files.readString(returns);
    assertThat(model).contains("name=\"defaultOverAcceptanceRatio\">${0.05}<");
    Files.writeString(returns, model.replace("name=\"defaultOverAcceptanceRatio\">${0.05}<",
        "name=\"defaultOverAcceptanceRatio\">${0.10}<"));

    try (ConfigurableApplicationContext app = start(database, processes, forms)) {
      ProcessEngine engine = app.getBean(ProcessEngine.class);
      assertThat(engine.getRepositoryService().createDecisionDefinitionQuery()
          .decisionDefinitionKey("complaint-deadlines").latestVersion().singleResult()
          .getVersion()).isEqualTo(2);
      assertThat(engine.getRepositoryService().createProcessDefinitionQuery()
          .processDefinitionKey("complaint-handling").latestVersion().singleResult()
          .getVersion()).as("the complaint model itself did not change").isOne();

      ProcessInstance complaintAfter = complaint(engine, "CP-2611-0002");
      assertThat(closingLimit(engine, complaintAfter)).isEqualTo(Duration.ofDays(6));
      assertThat(closingLimit(engine, complaintBefore)).isEqualTo(Duration.ofDays(15));

      // 108 received of 100 approved: outside 5%, inside 10%
      ProcessInstance returnAfter = returnAwaitingProof(engine, "RT-2611-0002");
      assertThat(version(engine, returnBefore)).isOne();
      assertThat(version(engine, returnAfter)).isEqualTo(2);
      proofObtained(engine, returnBefore);
      proofObtained(engine, returnAfter);
      assertThat(engine.getRuntimeService().getVariable(returnBefore.getId(),
          "appliedOverAcceptanceRatio")).isEqualTo(0.05);
      assertThat(openTask(engine, returnBefore)).isEqualTo("ResolveQuantityDiscrepancy");
      assertThat(engine.getRuntimeService().getVariable(returnAfter.getId(),
          "appliedOverAcceptanceRatio")).isEqualTo(0.10);
      assertThat(engine.getRuntimeService().getVariable(returnAfter.getId(),
          "quantityReconciled")).isEqualTo(true);
    }
  }

  private static ConfigurableApplicationContext start(String database, Path processes,
      Path forms) {
    return SpringApplication.run(CareFlowApplication.class, "--server.port=0",
        "--spring.datasource.url=" + database,
        "--careflow.models.locations=file:" + processes + "/*.bpmn,file:" + processes
            + "/*.dmn,file:" + forms + "/*.form");
  }

  private static ProcessInstance complaint(ProcessEngine engine, String number) {
    Map<String, Object> variables = new HashMap<>(Map.of("complaintNumber", number,
        "complaintType", "COMPLAINT", "channel", "PHONE", "customerName", "Wang Xiaoming",
        "customerPhone", "13800000000", "customerRegion", "DOMESTIC", "subject", "Sour taste",
        "description", "The soy sauce tastes sour.", "firstContactAgent", "agent", "round", 1));
    Date now = new Date();
    variables.put("resolvedOnFirstContact", false);
    variables.put("registeredAt", now);
    variables.put("roundStartedAt", now);
    return engine.getRuntimeService()
        .startProcessInstanceByKey("complaint-handling", number, variables);
  }

  /** The closing limit the case's timer was set to, from its registration. */
  private static Duration closingLimit(ProcessEngine engine, ProcessInstance complaint) {
    Date registeredAt = (Date) engine.getRuntimeService()
        .getVariable(complaint.getId(), "registeredAt");
    Date due = engine.getManagementService().createJobQuery()
        .processInstanceId(complaint.getId()).activityId("ClosingDeadlinePassed")
        .singleResult().getDuedate();
    return Duration.between(registeredAt.toInstant(), due.toInstant());
  }

  /** A return whose goods came back (108 of the 100 approved), waiting for the proof. */
  private static ProcessInstance returnAwaitingProof(ProcessEngine engine, String number) {
    Map<String, Object> variables = new HashMap<>(Map.of("returnNumber", number,
        "approvedQuantity", 100, "receivedQuantity", 108, "unitPrice", 10.0,
        "customerName", "Wang Xiaoming", "customerPhone", "13800000000",
        "customerRegion", "DOMESTIC", "handling", "RETURN",
        "requestedAt", Date.from(Instant.now())));
    ProcessInstance started = engine.getRuntimeService()
        .createProcessInstanceByKey("product-return").businessKey(number)
        .setVariables(variables).startBeforeActivity("ObtainReturnProof").execute();
    assertThat(openTask(engine, started)).isEqualTo("ObtainReturnProof");
    return started;
  }

  private static void proofObtained(ProcessEngine engine, ProcessInstance returnCase) {
    Task proof = engine.getTaskService().createTaskQuery()
        .processInstanceId(returnCase.getId()).singleResult();
    engine.getTaskService().complete(proof.getId(),
        Map.of("returnProof", "INVOICE_COPY", "proofReference", "F-1"));
  }

  private static String openTask(ProcessEngine engine, ProcessInstance instance) {
    List<Task> open = engine.getTaskService().createTaskQuery()
        .processInstanceId(instance.getId()).list();
    assertThat(open).hasSize(1);
    return open.get(0).getTaskDefinitionKey();
  }

  private static int version(ProcessEngine engine, ProcessInstance instance) {
    return engine.getRepositoryService()
        .getProcessDefinition(instance.getProcessDefinitionId()).getVersion();
  }

  private static Path copy(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Files.copy(file, to.resolve(file.getFileName()));
      }
    }
    return to;
  }
}
