package com.careflow.support;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * What the job executor (off in the Spring tests) would do for a case: run its due
 * asynchronous steps (notices, archive, hand-overs), identified by the case's business key.
 */
public final class AsyncSteps {

  private AsyncSteps() {}

  public static void runDue(ProcessEngine engine, String businessKey) {
    ManagementService management = engine.getManagementService();
    // a step may lead to the next asynchronous one (a gateway, then a notice): run until none
    for (int round = 0; round < 20; round++) {
      boolean ran = false;
      for (ProcessInstance instance : engine.getRuntimeService().createProcessInstanceQuery()
          .processInstanceBusinessKey(businessKey).list()) {
        for (Job job : management.createJobQuery().processInstanceId(instance.getId())
            .executable().messages().list()) {
          management.executeJob(job.getId());
          ran = true;
        }
      }
      if (!ran) {
        return;
      }
    }
  }

  /**
   * Runs the process instance's due gateways that wait asynchronously (a person's answer read
   * after the task's commit, so that an unexpected one is an incident), until none is left; no other step.
   */
  public static void runGateways(ProcessEngine engine, String processInstanceId) {
    ManagementService management = engine.getManagementService();
    for (int round = 0; round < 10; round++) {
      boolean ran = false;
      for (Job job : management.createJobQuery().processInstanceId(processInstanceId)
          .executable().messages().list()) {
        String activity = management.createJobDefinitionQuery()
            .jobDefinitionId(job.getJobDefinitionId()).singleResult().getActivityId();
        if (engine.getRepositoryService().getBpmnModelInstance(job.getProcessDefinitionId())
            .getModelElementById(activity)
            instanceof org.camunda.bpm.model.bpmn.instance.Gateway) {
          management.executeJob(job.getId());
          ran = true;
        }
      }
      if (!ran) {
        return;
      }
    }
  }
}
