package com.careflow.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.Documentation;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.xml.ModelException;

/**
 * The rules every CareFlow model must meet before it is deployed, checked with Camunda's model
 * API: it parses; every process is executable and has a history time to live; every user task
 * has a Camunda Form that exists and a candidate group or assignee; every delegate expression
 * names a Spring bean that exists; every flow node has a diagram shape; every task is
 * documented (in production models: with the SPEC clause it implements); every decision has a
 * history time to live. For the process owners (SPEC §1.7, issue 16): every user task has a due
 * date; a task held by a named person also names a group (whose manager can reassign it when the
 * person is away); every service task is made from an element template
 * ({@code .camunda/element-templates/}) and keeps that template's implementation. Each method
 * returns the violations, one line each.
 */
final class ModelQualityGate {

  private static final Pattern BEAN_EXPRESSION = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
  private static final Pattern SPEC_CLAUSE = Pattern.compile("SPEC §\\d");
  private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";

  private final Set<String> formIds;
  private final Predicate<String> beanExists;
  private final boolean requireSpecClause;
  private final Map<String, String> templates;

  /**
   * @param formIds the ids of the Camunda Forms that will be deployed
   * @param beanExists whether a Spring bean of that name exists
   * @param requireSpecClause whether task documentation must name a SPEC clause
   * @param templates the element templates' implementations by template id; null: service tasks
   *     need none (test fixtures)
   */
  ModelQualityGate(Set<String> formIds, Predicate<String> beanExists, boolean requireSpecClause,
      Map<String, String> templates) {
    this.formIds = formIds;
    this.beanExists = beanExists;
    this.requireSpecClause = requireSpecClause;
    this.templates = templates;
  }

  /** The element templates of a folder: each template's id and its delegate expression. */
  static Map<String, String> templates(Path folder) throws IOException {
    ObjectMapper json = new ObjectMapper();
    Map<String, String> templates = new TreeMap<>();
    for (Path file : files(folder, ".json")) {
      JsonNode read = json.readTree(file.toFile());
      for (JsonNode template : read.isArray() ? read : json.createArrayNode().add(read)) {
        String implementation = null;
        for (JsonNode property : template.path("properties")) {
          if ("camunda:delegateExpression".equals(property.path("binding").path("name")
              .asText())) {
            implementation = property.path("value").asText();
          }
        }
        templates.put(template.path("id").asText(), implementation);
      }
    }
    return templates;
  }

  /** The files of a folder with that ending, sorted; none if the folder does not exist. */
  static List<Path> files(Path folder, String ending) throws IOException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(file -> file.getFileName().toString().endsWith(ending)).sorted().toList();
    }
  }

  /** The {@code id}s of the Camunda Forms ({@code *.form}) in these folders. */
  static Set<String> formIds(Collection<Path> folders) throws IOException {
    ObjectMapper json = new ObjectMapper();
    Set<String> ids = new TreeSet<>();
    for (Path folder : folders) {
      for (Path form : files(folder, ".form")) {
        JsonNode id = json.readTree(form.toFile()).get("id");
        if (id == null || id.asText().isBlank() || !ids.add(id.asText())) {
          throw new IllegalStateException(form + ": a form needs an id of its own");
        }
      }
    }
    return ids;
  }

  List<String> checkBpmn(Path file) {
    BpmnModelInstance model;
    try {
      model = Bpmn.readModelFromFile(file.toFile());
    } catch (ModelException e) {
      return List.of(file.getFileName() + ": does not parse: " + e.getMessage());
    }
    List<String> violations = new ArrayList<>();
    Violations report = (element, problem) ->
        violations.add(file.getFileName() + ": " + element.getId() + ": " + problem);

    for (Process process : model.getModelElementsByType(Process.class)) {
      if (!process.isExecutable()) {
        report.add(process, "process is not executable");
      }
      if (process.getCamundaHistoryTimeToLiveString() == null) {
        report.add(process, "process has no camunda:historyTimeToLive");
      }
    }
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      String formRef = task.getCamundaFormRef();
      if (formRef == null) {
        report.add(task, "user task has no camunda:formRef");
      } else if (!formRef.contains("${") && !formIds.contains(formRef)) {
        report.add(task, "form '" + formRef + "' is not in forms/");
      }
      if (isBlank(task.getCamundaCandidateGroups()) && isBlank(task.getCamundaAssignee())
          && isBlank(task.getCamundaCandidateUsers())) {
        report.add(task, "user task has no candidate group or assignee");
      } else if (isBlank(task.getCamundaCandidateGroups())) {
        report.add(task, "user task held by a named person has no candidate group to fall back "
            + "on (a manager of that group reassigns it when the person is away)");
      }
      if (isBlank(task.getCamundaDueDate())) {
        report.add(task, "user task has no camunda:dueDate: nobody can tell when it is late");
      }
    }
    for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
      checkImplementation(report, task, task.getCamundaDelegateExpression(),
          task.getCamundaClass(), task.getCamundaExpression(), task.getCamundaType());
      checkTemplate(report, task, task.getCamundaDelegateExpression());
    }
    for (SendTask task : model.getModelElementsByType(SendTask.class)) {
      checkImplementation(report, task, task.getCamundaDelegateExpression(),
          task.getCamundaClass(), task.getCamundaExpression(), task.getCamundaType());
    }
    for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
      if (task.getCamundaDecisionRef() == null) {
        checkImplementation(report, task, task.getCamundaDelegateExpression(),
            task.getCamundaClass(), task.getCamundaExpression(), task.getCamundaType());
      }
    }
    for (CamundaExecutionListener listener
        : model.getModelElementsByType(CamundaExecutionListener.class)) {
      checkListener(report, (BaseElement) listener.getParentElement().getParentElement(),
          listener.getCamundaDelegateExpression(), listener.getCamundaClass());
    }
    for (CamundaTaskListener listener : model.getModelElementsByType(CamundaTaskListener.class)) {
      checkListener(report, (BaseElement) listener.getParentElement().getParentElement(),
          listener.getCamundaDelegateExpression(), listener.getCamundaClass());
    }

    Set<String> shaped = new TreeSet<>();
    for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
      if (shape.getBpmnElement() != null) {
        shaped.add(shape.getBpmnElement().getId());
      }
    }
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      if (!shaped.contains(node.getId())) {
        report.add(node, "flow node has no diagram shape");
      }
    }
    List<BaseElement> tasks = new ArrayList<>(model.getModelElementsByType(Task.class));
    tasks.addAll(model.getModelElementsByType(CallActivity.class));
    for (BaseElement task : tasks) {
      String documentation = task.getDocumentations().stream()
          .map(Documentation::getTextContent).reduce("", String::concat);
      if (documentation.isBlank()) {
        report.add(task, "task has no documentation");
      } else if (requireSpecClause && !SPEC_CLAUSE.matcher(documentation).find()) {
        report.add(task, "task documentation names no SPEC clause (SPEC §n.n)");
      }
    }
    return violations;
  }

  /** A service task is made from an element template, and keeps its implementation. */
  private void checkTemplate(Violations report, BaseElement task, String delegateExpression) {
    if (templates == null) {
      return;
    }
    String template = task.getAttributeValueNs(CAMUNDA_NS, "modelerTemplate");
    if (template == null) {
      report.add(task, "service task is not made from an element template "
          + "(.camunda/element-templates/)");
    } else if (!templates.containsKey(template)) {
      report.add(task, "element template '" + template + "' does not exist");
    } else if (!templates.get(template).equals(delegateExpression)) {
      report.add(task, "service task does not run its template's " + templates.get(template));
    }
  }

  List<String> checkDmn(Path file) {
    DmnModelInstance model;
    try {
      model = Dmn.readModelFromFile(file.toFile());
    } catch (ModelException e) {
      return List.of(file.getFileName() + ": does not parse: " + e.getMessage());
    }
    return model.getModelElementsByType(Decision.class).stream()
        .filter(decision -> decision.getCamundaHistoryTimeToLiveString() == null)
        .map(decision -> file.getFileName() + ": " + decision.getId()
            + ": decision has no camunda:historyTimeToLive")
        .toList();
  }

  private void checkImplementation(Violations report, BaseElement task, String delegateExpression,
      String className, String expression, String type) {
    if ("external".equals(type)) {
      return;
    }
    if (className != null || expression != null) {
      report.add(task, "use camunda:delegateExpression=\"${beanName}\", not a class or expression");
    } else if (delegateExpression == null) {
      report.add(task, "task has no implementation");
    } else {
      checkBean(report, task, delegateExpression);
    }
  }

  private void checkListener(Violations report, BaseElement owner, String delegateExpression,
      String className) {
    if (className != null) {
      report.add(owner, "listener: use camunda:delegateExpression, not a class");
    } else if (delegateExpression != null) {
      checkBean(report, owner, delegateExpression);
    }
  }

  private void checkBean(Violations report, BaseElement element, String delegateExpression) {
    Matcher bean = BEAN_EXPRESSION.matcher(delegateExpression.trim());
    if (!bean.matches()) {
      report.add(element, "delegate expression " + delegateExpression + " is not ${beanName}");
    } else if (!beanExists.test(bean.group(1))) {
      report.add(element, "no Spring bean named '" + bean.group(1) + "'");
    }
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  @FunctionalInterface
  private interface Violations {
    void add(BaseElement element, String problem);
  }
}
