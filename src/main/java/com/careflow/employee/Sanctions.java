package com.careflow.employee;

import com.careflow.employee.EmployeeHistory.DisciplinaryKind;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.exception.NotValidException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * SPEC §1.10, §8.3: an administrative sanction (行政处分) a procedure decided goes to HR, who
 * publishes it on the personnel notice (人事公布单) or withdraws it; only a published one becomes
 * a disciplinary action on the record ({@code sanction-publication}). Procedures propose
 * sanctions through this one verb, whatever decided them: a VP-approved individual penalty, a
 * service-conduct result, a sanction of the monthly review's penalty standard.
 *
 * <p>Once per employee, kind and source case: a retried step, or a case that comes this way
 * again, finds the sanction it proposed. An employee who has left gets none (logged); an
 * unknown one stops the step as an incident, never a lost sanction.
 */
@Service
public class Sanctions {

  /** The process HR publishes sanctions in. */
  public static final String PROCESS = "sanction-publication";

  private static final Logger LOG = LoggerFactory.getLogger(Sanctions.class);

  private final EmployeeRecords records;
  private final RuntimeService runtime;
  private final HistoryService history;

  public Sanctions(EmployeeRecords records, RuntimeService runtime, HistoryService history) {
    this.records = records;
    this.runtime = runtime;
    this.history = history;
  }

  /** Proposes the sanction to HR; false when it was proposed before or the employee has left. */
  public boolean propose(String employeeId, DisciplinaryKind kind, String reason,
      String sourceCase, String decidedBy) {
    return propose(records.find(employeeId).orElseThrow(() -> new NotValidException(
        "employeeId " + employeeId + " is not an employee record: the " + kind + " of "
            + sourceCase + " was not sent to HR.")), kind, reason, sourceCase, decidedBy);
  }

  /** {@link #propose(String, DisciplinaryKind, String, String, String)} for a record in hand. */
  public boolean propose(Employee employee, DisciplinaryKind kind, String reason,
      String sourceCase, String decidedBy) {
    String employeeId = employee.id();
    if (employee.status() == Employee.Status.LEFT) {
      LOG.warn("{} left on {}: the {} of {} is not sent to HR", employeeId, employee.leftOn(),
          kind, sourceCase);
      return false;
    }
    boolean proposed = history.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS)
        .processInstanceBusinessKey(sourceCase).variableValueEquals("employeeId", employeeId)
        .variableValueEquals("kind", kind.name()).count() > 0;
    if (proposed) {
      LOG.info("The {} of {} for {} was sent to HR before", kind, sourceCase, employeeId);
      return false;
    }
    runtime.startProcessInstanceByKey(PROCESS, sourceCase, Map.of("employeeId", employeeId,
        "employeeName", employee.name(), "kind", kind.name(), "reason", reason,
        "sourceCase", sourceCase, "decidedBy", decidedBy == null ? "" : decidedBy));
    LOG.info("The {} of {} for {} is with HR to publish", kind, sourceCase, employeeId);
    return true;
  }
}
