package com.careflow.employee;

import com.careflow.identity.Departments;
import com.careflow.identity.OutsideParties;
import com.careflow.locale.Labels;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.Locale;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * The choices a form offers for "who is responsible" (SPEC §8.3): the company's departments
 * and its current employees, as Camunda Forms' dynamic options. A model puts them in a user
 * task's input parameters, {@code departmentOptions = ${staffChoices.departments()}} and
 * {@code employeeOptions = ${staffChoices.employees()}}, and the form's selects name them as
 * their {@code valuesKey}; the person then picks an id instead of typing a name, and
 * {@code access.CaseDataGuard} accepts only an id the task offered.
 *
 * <p>Each is a JSON array of {@code {"label": …, "value": …}}: a department's id
 * ({@code careflow.identity.departments}) with its name in the company's language, an
 * employee's number (EM-YYMM-NNNN) with their name, department and number.
 */
@Component("staffChoices")
public class StaffChoices {

  private final Departments departments;
  private final EmployeeRecords records;
  private final Labels labels;
  private final OutsideParties outsideParties;
  private final ObjectMapper json = new ObjectMapper();

  public StaffChoices(Departments departments, EmployeeRecords records, Labels labels,
      OutsideParties outsideParties) {
    this.departments = departments;
    this.outsideParties = outsideParties;
    this.records = records;
    this.labels = labels;
  }

  /** The departments, in their configured order. */
  public SpinJsonNode departments() {
    ArrayNode options = json.createArrayNode();
    for (String id : departments.ids()) {
      options.addObject().put("label", department(id)).put("value", id);
    }
    return Spin.JSON(options.toString());
  }

  /**
   * The outside parties a complaint can be charged to (SPEC §1.4, §1.10): suppliers, carriers,
   * other companies, in their configured order ({@code careflow.responsibility}).
   */
  public SpinJsonNode outsideParties() {
    ArrayNode options = json.createArrayNode();
    for (OutsideParties.Party party : outsideParties.outsideParties()) {
      options.addObject().put("label", party.name()).put("value", party.id());
    }
    return Spin.JSON(options.toString());
  }

  /**
   * A responsible unit's name in the reader's language: an outside party's name, or the
   * department's label; else the id itself.
   */
  public String unit(String id, Locale locale) {
    return outsideParties.byId(id).map(OutsideParties.Party::name)
        .orElseGet(() -> labels.of("department", id, locale));
  }

  /** A responsible unit's name: a department's, or an outside party's; else the id itself. */
  public String unit(String id) {
    return outsideParties.byId(id).map(OutsideParties.Party::name).orElseGet(() -> department(id));
  }

  /** The current employees (on probation or regular), by department and name. */
  public SpinJsonNode employees() {
    ArrayNode options = json.createArrayNode();
    for (Employee employee : records.current()) {
      options.addObject()
          .put("label", employee.name() + " (" + department(employee.department()) + ", "
              + employee.id() + ")")
          .put("value", employee.id());
    }
    return Spin.JSON(options.toString());
  }

  /** A department's name in the company's language; an id not configured reads as itself. */
  public String department(String id) {
    Locale company = labels.company();
    String label = labels.of("department", id, company);
    if (label != null && !label.equals(id)) {
      return label;
    }
    return departments.byId(id).map(department -> department.name()).orElse(id);
  }
}
