package com.careflow.returns;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * The complaint's side of the hand-over (interface A of issue 15), as the return sees it: a
 * case whose business key is the complaint number waits at a receive task for message
 * {@code ReturnFormDecided}. The real complaint model is the lead's; this stand-in lets the
 * return's tests show what the complaint is told, and when.
 */
final class WaitingComplaint {

  static final String KEY = "complaint-waiting-for-its-return";

  private final ProcessEngine engine;
  private final String deployment;

  WaitingComplaint(ProcessEngine engine) {
    this.engine = engine;
    BpmnModelInstance model = Bpmn.createExecutableProcess(KEY).camundaHistoryTimeToLive(1)
        .startEvent().receiveTask("WaitForReturnForm").message(ReportReturnFormDecision.MESSAGE)
        .endEvent("ReturnFormKnown").done();
    deployment = engine.getRepositoryService().createDeployment()
        .addModelInstance(KEY + ".bpmn", model).deploy().getId();
  }

  /**
   * A complaint numbered so, waiting for the decision of the return form it started (the
   * complaint's {@code returnNumber}, as complaint-handling's StartProductReturn sets it).
   */
  ProcessInstance waiting(String complaintNumber, String returnNumber) {
    return engine.getRuntimeService().startProcessInstanceByKey(KEY, complaintNumber,
        Map.of("returnNumber", returnNumber));
  }

  /** What the complaint was told: the variables the message gave it. */
  Map<String, Object> told(ProcessInstance complaint) {
    Map<String, Object> told = new HashMap<>();
    for (HistoricVariableInstance variable : engine.getHistoryService()
        .createHistoricVariableInstanceQuery().processInstanceId(complaint.getId()).list()) {
      told.put(variable.getName(), variable.getValue());
    }
    return told;
  }

  void undeploy() {
    engine.getRepositoryService().deleteDeployment(deployment, true);
  }
}
