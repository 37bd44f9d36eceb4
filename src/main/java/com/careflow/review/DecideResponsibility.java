package com.careflow.review;

import com.careflow.complaint.ComplaintRegister;
import com.careflow.complaint.ComplaintRegister.Entry;
import com.careflow.employee.Employee;
import com.careflow.employee.EmployeeRecords;
import com.careflow.employee.StaffChoices;
import com.careflow.identity.Departments;
import com.careflow.identity.OutsideParties;
import com.careflow.review.ResponsibilityDecisions.Decision;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The GM office's decision on one upheld complaint of the month (SPEC §1.10; seed 003 篇五
 * 九(九): 會同…判定責任歸屬確認及比率): on <em>Decide responsibility</em> it sees the case's
 * proposed unit and person (from the investigation or the management office's record) and
 * confirms or changes them, choosing a department or an outside party, the person where one is
 * identified, and the share; a change needs its reason. What it decides is what the reward and
 * penalty notice executes ({@link ResponsibilityDecisions}).
 *
 * <p>On create the case's own execution in the multi-instance (where {@code decidedCase} is)
 * holds, as its local variables, what the form shows, the choices, and the proposal as the
 * answer to confirm: a completed task's values go to that execution (Camunda sets them on the
 * task's execution), so each case's answer stays with its case. On complete the answer is
 * checked against the company's departments, outside parties and current employees, and
 * recorded. A wrong answer keeps the task open with what is
 * wrong, field by field.
 */
@Component("decideResponsibility")
public class DecideResponsibility implements TaskListener {

  private final ComplaintRegister complaints;
  private final ResponsibilityDecisions decisions;
  private final StaffChoices choices;
  private final Departments departments;
  private final OutsideParties outsideParties;
  private final EmployeeRecords employees;

  public DecideResponsibility(ComplaintRegister complaints, ResponsibilityDecisions decisions,
      StaffChoices choices, Departments departments, OutsideParties outsideParties,
      EmployeeRecords employees) {
    this.complaints = complaints;
    this.decisions = decisions;
    this.choices = choices;
    this.departments = departments;
    this.outsideParties = outsideParties;
    this.employees = employees;
  }

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      offer(task);
    } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      record(task);
    }
  }

  /** What the task shows and offers: the case, its proposal (or last decision), the choices. */
  private void offer(DelegateTask task) {
    String number = (String) task.getVariable("decidedCase");
    Entry entry = complaints.find(number).orElseThrow(() -> new NotValidException(
        "The complaint " + number + " is not in the register."));
    Decision earlier = decisions.of(List.of(number)).get(number);
    String unit = entry.outcome().responsibleDepartment();
    String department = unit != null && departments.byId(unit).isPresent() ? unit : null;
    String party = unit != null && outsideParties.byId(unit).isPresent() ? unit : null;
    String person = entry.outcome().responsiblePerson();
    Map<String, Object> local = new HashMap<>();
    local.put("complaintNumber", number);
    local.put("category", entry.category());
    local.put("remedy", entry.remedy());
    local.put("proposedDepartment", department);
    local.put("proposedParty", party);
    local.put("proposedPerson", person);
    local.put("proposal", proposal(entry));
    local.put("departmentOptions", choices.departments());
    local.put("partyOptions", choices.outsideParties());
    local.put("employeeOptions", choices.employees());
    local.put("decidedDepartment", earlier == null ? department : earlier.department());
    local.put("decidedParty", earlier == null ? party : earlier.outsideParty());
    local.put("decidedPerson", earlier == null ? person : earlier.person());
    local.put("decidedShare", earlier == null ? 100 : earlier.share());
    local.put("changeReason", earlier == null ? null : earlier.reason());
    task.getExecution().setVariablesLocal(local);
  }

  /** The proposal as the office reads it: unit, person, as the case's records name them. */
  private String proposal(Entry entry) {
    String unit = entry.outcome().responsibleDepartment();
    String person = entry.outcome().responsiblePerson();
    if (unit == null && person == null) {
      return "—";
    }
    String personName = person == null ? null : employees.find(person)
        .map(found -> found.name() + " (" + found.id() + ")").orElse(person);
    return (unit == null ? "—" : choices.unit(unit)) + (personName == null ? "" : " / " + personName);
  }

  /** Checks the office's answer and records it. */
  private void record(DelegateTask task) {
    String department = text(task, "decidedDepartment");
    String party = text(task, "decidedParty");
    String person = text(task, "decidedPerson");
    Object shareValue = task.getExecution().getVariableLocal("decidedShare");
    String reason = text(task, "changeReason");
    List<String> problems = new ArrayList<>();
    if ((department == null) == (party == null)) {
      problems.add("decidedDepartment, decidedParty: choose either a department or an outside "
          + "party");
    }
    if (department != null && departments.byId(department).isEmpty()) {
      problems.add("decidedDepartment: " + department + " is not a department of the company");
    }
    if (party != null && outsideParties.byId(party).isEmpty()) {
      problems.add("decidedParty: " + party + " is not one of the outside parties");
    }
    if (person != null && employees.find(person).filter(found -> found.status()
        != Employee.Status.LEFT).isEmpty()) {
      problems.add("decidedPerson: " + person + " is not a current employee");
    }
    if (person != null && party != null) {
      problems.add("decidedPerson: a person is named only with a department of the company");
    }
    Integer share = share(shareValue);
    if (share == null) {
      problems.add("decidedShare: a whole percentage from 1 to 100");
    }
    boolean changed = !Objects.equals(department,
        task.getExecution().getVariableLocal("proposedDepartment"))
        || !Objects.equals(person, task.getExecution().getVariableLocal("proposedPerson"))
        || !Objects.equals(party, task.getExecution().getVariableLocal("proposedParty"))
        || share != null && share != 100;
    if (changed && reason == null) {
      problems.add("changeReason: say why the decision differs from the proposal");
    }
    if (!problems.isEmpty()) {
      throw new NotValidException("The decision on " + task.getVariable("complaintNumber")
          + " is not complete: " + String.join("; ", problems));
    }
    decisions.record(new Decision((String) task.getVariable("complaintNumber"),
        (String) task.getVariable("reportMonth"), department, party, person, share, changed,
        changed ? reason : null, task.getAssignee(), ClockUtil.getCurrentTime().toInstant()));
  }

  private static String text(DelegateTask task, String name) {
    Object value = task.getExecution().getVariableLocal(name);
    return value == null || value.toString().isBlank() ? null : value.toString().trim();
  }

  /** A whole percentage 1–100, as a form's number field sends it; else null. */
  private static Integer share(Object value) {
    if (!(value instanceof Number number)) {
      return null;
    }
    BigDecimal decimal;
    try {
      decimal = new BigDecimal(number.toString());
    } catch (NumberFormatException notFinite) {
      return null;
    }
    if (decimal.stripTrailingZeros().scale() > 0 || decimal.compareTo(BigDecimal.ONE) < 0
        || decimal.compareTo(BigDecimal.valueOf(100)) > 0) {
      return null;
    }
    return decimal.intValueExact();
  }
}
