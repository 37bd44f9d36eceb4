package com.careflow.promotion;

import static com.careflow.process.ProcessVariables.date;
import static com.careflow.process.ProcessVariables.text;

import com.careflow.calendar.CalendarProperties;
import com.careflow.employee.Employee;
import com.careflow.employee.EmployeeRecords;
import com.careflow.identity.Departments.Scope;
import com.careflow.numbering.CaseNumbers;
import com.careflow.numbering.CaseNumbers.CaseNumber;
import com.careflow.promotion.Promotion.Decision;
import com.careflow.promotion.Promotion.Material;
import com.careflow.promotion.Promotion.PromotionType;
import com.careflow.promotion.Promotion.Status;
import com.careflow.promotion.Promotion.Track;
import com.careflow.promotion.PromotionRegister.Entry;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The one pay-level step granted at the confirmation of probation (试用期转正晋级, SPEC §3.4; seed
 * 002 第三篇 6: 在同一職級崗位服務6個月以上的正式員工（試用期轉正晉級除外）, 8), recorded like any
 * PAY_LEVEL promotion: numbered PR-YYMM-NNNN in the promotions register, track CONVERSION, one
 * level up in the same grade, with its facts, approved by HR with the confirmation and
 * effective from the confirmation day, and the employee record gets the new pay level.
 *
 * <p>Exempt from the 6-month rule, and judged on the probation evaluation rather than a
 * 12-month performance average a new hire cannot have; what still holds is the pay table's top
 * level (TOP_PAY_LEVEL) and no disciplinary action in the last 6 months (DISCIPLINE): with
 * either unmet the promotion is INELIGIBLE with its reasons and the pay level stays, as for a
 * nomination. The calling model names, as input parameters, the employee ({@code employeeId}),
 * the confirmation day ({@code effectiveDate}), the evaluation and self-assessment
 * ({@code evaluation}, {@code selfReport}) and its supervisor's and HR's tasks
 * ({@code recommendationTask}, {@code approvalTask}). Once per employee: a step run again finds
 * the promotion it recorded. Sets {@code conversionPromotionId}.
 */
@Component("recordConversionPayStep")
public class RecordConversionPayStep implements JavaDelegate {

  private final CaseNumbers numbers;
  private final PromotionRegister register;
  private final EmployeeRecords records;
  private final PromotionProperties policy;
  private final ZoneId zone;

  public RecordConversionPayStep(CaseNumbers numbers, PromotionRegister register,
      EmployeeRecords records, PromotionProperties policy, CalendarProperties calendar) {
    this.numbers = numbers;
    this.register = register;
    this.records = records;
    this.policy = policy;
    this.zone = calendar.zone();
  }

  @Override
  public void execute(DelegateExecution execution) {
    Employee employee = records.find(text(execution, "employeeId")).orElseThrow(() ->
        new NotValidException("employeeId " + text(execution, "employeeId")
            + " is not an employee record: no conversion pay step recorded."));
    String existing = register.search(new PromotionRegister.Filter(employee.id(), null,
            Track.CONVERSION, PromotionType.PAY_LEVEL, null),
        new Scope(true, Set.of()), 0, 1)
        .items().stream().map(Promotion::id).findFirst().orElse(null);
    if (existing != null) {
      execution.setVariable("conversionPromotionId", existing);
      return;
    }
    LocalDate effective = date(execution, "effectiveDate", zone);
    if (effective == null) {
      throw new NotValidException("effectiveDate is empty: no conversion pay step recorded.");
    }
    Instant now = ClockUtil.getCurrentTime().toInstant();
    HistoricTaskInstance recommendation = lastCompleted(execution,
        text(execution, "recommendationTask"));
    HistoricTaskInstance approval = lastCompleted(execution, text(execution, "approvalTask"));
    CaseNumber id = numbers.next(RegisterNomination.SERIES, now);
    register.insert(id, new Entry(employee.id(), PromotionType.PAY_LEVEL, Track.CONVERSION, null,
        employee.grade(), employee.grade(), employee.payLevel(), employee.payLevel() + 1, null,
        new Material(text(execution, "evaluation"), text(execution, "selfReport"), null, null),
        recommendation == null ? null : recommendation.getAssignee()), now,
        execution.getProcessInstanceId());
    EligibilityFacts facts = EligibilityFacts.of(employee, records.history(employee.id()),
        PromotionType.PAY_LEVEL.name(), Track.CONVERSION.name(), employee.grade(), effective,
        policy.topPayLevel());
    register.recordFacts(id.toString(), facts);
    List<String> unmet = new ArrayList<>();
    if (facts.disciplinaryActions6m() > 0) {
      unmet.add("DISCIPLINE");
    }
    if (facts.atTopPayLevel()) {
      unmet.add("TOP_PAY_LEVEL");
    }
    register.recordEligibility(id.toString(), unmet);
    execution.setVariable("conversionPromotionId", id.toString());
    execution.setVariable("conversionUnmetConditions", unmet);
    if (!unmet.isEmpty()) {
      return;
    }
    register.decide(List.of(id.toString()), Status.APPROVED, new Decision(
        approval == null ? null : approval.getAssignee(),
        approval == null ? now : approval.getEndTime().toInstant(),
        "试用期转正晋级 (SPEC §3.4): exempt from the 6-month rule", effective));
    records.promote(employee.id(), employee.grade(), employee.payLevel() + 1, null, effective);
    register.takeEffect(id.toString());
  }

  /** The last completed task of this key in the instance, read without the caller's grants. */
  private static HistoricTaskInstance lastCompleted(DelegateExecution execution, String key) {
    if (key == null) {
      return null;
    }
    return Context.getCommandContext().runWithoutAuthorization(() ->
        execution.getProcessEngineServices().getHistoryService()
            .createHistoricTaskInstanceQuery().processInstanceId(execution.getProcessInstanceId())
            .taskDefinitionKey(key).finished().orderByHistoricTaskInstanceEndTime().desc()
            .list().stream().findFirst().orElse(null));
  }
}
