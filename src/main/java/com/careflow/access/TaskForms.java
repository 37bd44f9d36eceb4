package com.careflow.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.form.FormData;
import org.camunda.bpm.engine.impl.cmd.GetCamundaFormDefinitionCmd;
import org.camunda.bpm.engine.impl.cmd.GetStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.repository.CamundaFormDefinition;

/**
 * Finds the Camunda Form a task (or a process's start) opens, as Tasklist would: the form
 * reference of the model, resolved by its binding. Deployed forms never change, so each is
 * parsed once per form definition.
 */
final class TaskForms {

  private final ObjectMapper json;
  private final Map<String, CamundaForm> parsed = new ConcurrentHashMap<>();

  TaskForms(ObjectMapper json) {
    this.json = json;
  }

  Optional<CamundaForm> ofTask(CommandContext context, String taskId) {
    return form(context, context.runWithoutAuthorization(
        () -> new GetTaskFormCmd(taskId).execute(context)));
  }

  Optional<CamundaForm> ofStart(CommandContext context, String processDefinitionId) {
    return form(context, context.runWithoutAuthorization(
        () -> new GetStartFormCmd(processDefinitionId).execute(context)));
  }

  private Optional<CamundaForm> form(CommandContext context, FormData data) {
    CamundaFormRef reference = data == null ? null : data.getCamundaFormRef();
    if (reference == null) {
      return Optional.empty();
    }
    CamundaFormDefinition definition = context.runWithoutAuthorization(
        () -> new GetCamundaFormDefinitionCmd(reference, data.getDeploymentId())
            .execute(context));
    if (definition == null) {
      return Optional.empty();
    }
    return Optional.of(parsed.computeIfAbsent(definition.getId(), id -> {
      ResourceEntity resource = context.getResourceManager()
          .findResourceByDeploymentIdAndResourceName(definition.getDeploymentId(),
              definition.getResourceName());
      return CamundaForm.parse(resource.getBytes(), json);
    }));
  }
}
