package com.careflow.promotion;

import static com.careflow.process.ProcessVariables.integer;
import static com.careflow.process.ProcessVariables.text;

import com.careflow.employee.Employee;
import com.careflow.employee.EmployeeRecords;
import com.careflow.numbering.CaseNumbers;
import com.careflow.numbering.CaseNumbers.CaseNumber;
import com.careflow.promotion.Promotion.Material;
import com.careflow.promotion.Promotion.PromotionType;
import com.careflow.promotion.Promotion.Track;
import com.careflow.promotion.PromotionRegister.Entry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Registers a manager's nomination (SPEC §4.3): numbers it {@code PR-YYMM-NNNN}, takes the
 * nominee's grade and pay level from the record, and makes the number the business key. A
 * PAY_LEVEL promotion goes one level up in the same grade; a POSITION promotion starts the new
 * grade at level 1.
 */
@Component("registerNomination")
public class RegisterNomination implements JavaDelegate {

  /** Promotion numbers are {@code PR-YYMM-NNNN}. */
  static final String SERIES = "PR";

  private final CaseNumbers numbers;
  private final PromotionRegister register;
  private final EmployeeRecords records;

  public RegisterNomination(CaseNumbers numbers, PromotionRegister register,
      EmployeeRecords records) {
    this.numbers = numbers;
    this.register = register;
    this.records = records;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    Employee nominee = records.find(text(execution, "employeeId")).orElseThrow();
    PromotionType type = PromotionType.valueOf(text(execution, "promotionType"));
    boolean payLevel = type == PromotionType.PAY_LEVEL;
    int targetGrade = payLevel ? nominee.grade() : integer(execution, "targetGrade");
    Entry entry = new Entry(nominee.id(), type, Track.valueOf(text(execution, "track")), null,
        nominee.grade(), targetGrade, nominee.payLevel(), payLevel ? nominee.payLevel() + 1 : 1,
        text(execution, "targetPosition"),
        new Material(text(execution, "evaluation"), text(execution, "selfReport"),
            text(execution, "supervisorRecommendation"), text(execution, "examples")),
        text(execution, "nominatedBy"));
    CaseNumber id = numbers.next(SERIES, now);
    register.insert(id, entry, now, execution.getProcessInstanceId());
    execution.setProcessBusinessKey(id.toString());
    execution.setVariable("promotionId", id.toString());
    execution.setVariable("nominatedAt", Date.from(now));
    execution.setVariable("promotionsInDecision", new ArrayList<>(List.of(id.toString())));
  }
}
