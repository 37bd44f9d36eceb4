package com.careflow.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.model.dmn.instance.OutputEntry;

/**
 * SPEC §7.3 in the models: a form shows the customer (name, phone, address, e-mail) only to
 * groups that read customer data ({@code careflow.identity.customer-data}: its readers and the
 * case handlers). Warehouse, finance, HR and trainers see the order, not the person, and a
 * task's holder reads through the task exactly its form's fields ({@code access.CaseDataGuard}),
 * so the form is where this is kept.
 *
 * <p>A task's groups are read from its candidate groups as a process owner writes them: named;
 * {@code ${variable}} set by a decision (the decision's outputs) or chosen on an earlier form (the
 * choice's options); or an expression whose quoted group ids are its outcomes. A group that
 * cannot be told counts as one that does not read customer data.
 */
final class CustomerDataInForms {

  /** The fields that carry a customer's personal data. */
  static final Set<String> CUSTOMER_FIELDS = Set.of("customerName", "customerPhone",
      "customerAddress", "customerEmail");

  private static final Pattern VARIABLE = Pattern.compile("\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}");
  private static final Pattern QUOTED = Pattern.compile("'([a-z][a-z0-9-]*)'");
  private static final String UNKNOWN = "(a group that cannot be told from the model)";

  private final ObjectMapper json = new ObjectMapper();
  private final Set<String> customerReaders;
  private final Map<String, JsonNode> forms = new HashMap<>();
  private final Map<String, Set<String>> decisionOutputs = new HashMap<>();

  CustomerDataInForms(Set<String> customerReaders, Path formsFolder, Path decisionsFolder)
      throws IOException {
    this.customerReaders = customerReaders;
    for (Path file : ModelQualityGate.files(formsFolder, ".form")) {
      JsonNode form = json.readTree(file.toFile());
      forms.put(form.path("id").asText(), form);
    }
    for (Path file : ModelQualityGate.files(decisionsFolder, ".dmn")) {
      DmnModelInstance model = Dmn.readModelFromFile(file.toFile());
      for (Decision decision : model.getModelElementsByType(Decision.class)) {
        Set<String> outputs = new TreeSet<>();
        if (decision.getExpression() instanceof DecisionTable table) {
          for (Rule rule : table.getRules()) {
            for (OutputEntry entry : rule.getOutputEntries()) {
              Matcher quoted = Pattern.compile("\"([^\"]+)\"").matcher(entry.getTextContent());
              while (quoted.find()) {
                outputs.add(quoted.group(1));
              }
            }
          }
        }
        decisionOutputs.put(decision.getId(), outputs);
      }
    }
  }

  /** Each user task whose form shows the customer to a group that may not read them. */
  List<String> check(Path bpmn) {
    BpmnModelInstance model = Bpmn.readModelFromFile(bpmn.toFile());
    List<String> violations = new ArrayList<>();
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      JsonNode form = forms.get(task.getCamundaFormRef());
      if (form == null) {
        continue; // the quality gate reports a missing form
      }
      Set<String> shown = new TreeSet<>();
      fields(form.path("components"), shown);
      shown.retainAll(CUSTOMER_FIELDS);
      if (shown.isEmpty()) {
        continue;
      }
      Set<String> outsiders = new TreeSet<>(groups(model, task.getCamundaCandidateGroups()));
      outsiders.removeAll(customerReaders);
      if (!outsiders.isEmpty()) {
        violations.add(bpmn.getFileName() + ": " + task.getId() + ": form '"
            + task.getCamundaFormRef() + "' shows the customer " + shown + " to " + outsiders
            + ", who see the order, not the person (SPEC §7.3)");
      }
    }
    return violations;
  }

  /** The groups a candidate-groups attribute can name when the task is created. */
  private Set<String> groups(BpmnModelInstance model, String candidateGroups) {
    Set<String> groups = new TreeSet<>();
    if (candidateGroups == null || candidateGroups.isBlank()) {
      return groups;
    }
    if (!candidateGroups.contains("${") && !candidateGroups.contains("#{")) {
      for (String group : candidateGroups.split(",")) {
        groups.add(group.trim());
      }
      return groups;
    }
    Matcher variable = VARIABLE.matcher(candidateGroups.trim());
    if (variable.matches()) {
      groups.addAll(valuesOf(model, variable.group(1)));
      return groups.isEmpty() ? Set.of(UNKNOWN) : groups;
    }
    Matcher quoted = QUOTED.matcher(candidateGroups);
    while (quoted.find()) {
      groups.add(quoted.group(1));
    }
    return groups.isEmpty() ? Set.of(UNKNOWN) : groups;
  }

  /** What a process variable can hold: a decision's outputs, or a form's options for it. */
  private Set<String> valuesOf(BpmnModelInstance model, String variable) {
    Set<String> values = new TreeSet<>();
    for (BusinessRuleTask rule : model.getModelElementsByType(BusinessRuleTask.class)) {
      if (variable.equals(rule.getCamundaResultVariable())) {
        values.addAll(decisionOutputs.getOrDefault(rule.getCamundaDecisionRef(), Set.of()));
      }
    }
    for (JsonNode form : forms.values()) {
      options(form.path("components"), variable, values);
    }
    return values;
  }

  private static void fields(JsonNode components, Set<String> keys) {
    for (JsonNode component : components) {
      if (component.hasNonNull("key")) {
        keys.add(component.get("key").asText());
      }
      String text = component.path("text").asText(""); // a text's {{customerName}}
      CUSTOMER_FIELDS.stream().filter(text::contains).forEach(keys::add);
      fields(component.path("components"), keys);
    }
  }

  private static void options(JsonNode components, String key, Set<String> values) {
    for (JsonNode component : components) {
      if (key.equals(component.path("key").asText())) {
        component.path("values").forEach(option -> values.add(option.path("value").asText()));
      }
      options(component.path("components"), key, values);
    }
  }
}
