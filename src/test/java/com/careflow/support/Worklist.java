package com.careflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

/**
 * Works a case's open tasks as Tasklist would: completes them with the forms' values; finds a
 * case's instance and tasks by its number (business key).
 */
public final class Worklist {

  private Worklist() {}

  public static void completeTheOpenTask(ProcessEngine engine, String businessKey,
      Map<String, Object> variables) {
    TaskService tasks = engine.getTaskService();
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(businessKey).singleResult();
    assertThat(task).as("the open task of " + businessKey).isNotNull();
    tasks.complete(task.getId(), variables);
  }

  /**
   * A return of 10 units shipped three days ago, registered by sales, investigated, its form
   * filled in and approved: waiting for the warehouse to receive the goods. Its number.
   */
  public static String returnAtTheWarehouse(ProcessEngine engine, Tasklist tasklist,
      String orderNumber) {
    LocalDate shipped = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(3);
    String number = tasklist.registerReturn("sales", orderNumber, shipped);
    completeTheOpenTask(engine, number, Map.of("defectType", "SEDIMENT",
        "claimFactual", true, "storageFault", false, "shippedOn", shipped.toString(),
        "investigationFindings", "Sediment."));
    completeTheOpenTask(engine, number, Map.of("handling", "RETURN",
        "returnReason", "Sediment", "returnBasis", "Report", "approvedQuantity", 10L,
        "unitPrice", 12.5));
    completeTheOpenTask(engine, number, Map.of("approved", true, "approvalNote", "Agreed"));
    AsyncSteps.runDue(engine, number);
    return number;
  }

  /**
   * A customer-service manager rules on the complaint the agent rejected (SPEC §1.4: 呈报上级主管
   * 裁定是否受理): {@code accepted}, or the rejection confirmed with {@code ruling} as the
   * explanation the customer gets; the case's answer is then read.
   */
  public static void ruleOnTheComplaint(ProcessEngine engine, String businessKey,
      boolean accepted, String ruling) {
    AsyncSteps.runGateways(engine, instanceOf(engine, businessKey));
    String task = taskOf(engine, businessKey, "RuleOnComplaint");
    engine.getTaskService().claim(task, "csmanager");
    engine.getTaskService().complete(task, Map.of("rulingAccepted", accepted,
        "rulingNote", ruling));
    AsyncSteps.runGateways(engine, instanceOf(engine, businessKey));
  }

  /**
   * The management office passes the case's spot check if the case was drawn for one (one in
   * ten, at random; SPEC §1.9), and the case's due steps run on: it closes either way.
   */
  public static void passTheSpotCheckIfDrawn(ProcessEngine engine, String businessKey) {
    AsyncSteps.runDue(engine, businessKey);
    Task spotCheck = engine.getTaskService().createTaskQuery()
        .processInstanceBusinessKey(businessKey).taskDefinitionKey("SpotCheckComplaint")
        .singleResult();
    if (spotCheck != null) {
      engine.getTaskService().complete(spotCheck.getId(), Map.of("verified", true,
          "findings", "As recorded"));
      AsyncSteps.runDue(engine, businessKey);
    }
  }

  /** The id of the case's process instance, running or ended. */
  public static String instanceOf(ProcessEngine engine, String businessKey) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(businessKey).singleResult().getId();
  }

  /** The id of the case's open task of this definition key. */
  public static String taskOf(ProcessEngine engine, String businessKey, String key) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(businessKey)
        .taskDefinitionKey(key).singleResult().getId();
  }
}
