package com.careflow.promotion;

import static com.careflow.process.ProcessVariables.text;

import com.careflow.calendar.CalendarProperties;
import com.careflow.employee.Employee;
import com.careflow.employee.EmployeeRecords;
import com.careflow.process.EngineClock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Computes the inputs of {@code promotion-eligibility} for the promotion in hand (SPEC §4.2,
 * §6) from the employee records, as of today: months in grade, the 12-month average score,
 * disciplinary actions in 6 months, the lecturer certificate, course results, and whether the
 * pay level is the grade's top ({@code careflow.promotion.top-pay-level}). The promotion keeps
 * them; they are set in the current scope: the instance for a nomination, the candidate's own
 * for a competition.
 */
@Component("collectEligibilityFacts")
public class CollectEligibilityFacts implements JavaDelegate {

  private final PromotionRegister register;
  private final EmployeeRecords records;
  private final PromotionProperties policy;
  private final ZoneId zone;

  public CollectEligibilityFacts(PromotionRegister register, EmployeeRecords records,
      PromotionProperties policy, CalendarProperties calendar) {
    this.register = register;
    this.records = records;
    this.policy = policy;
    this.zone = calendar.zone();
  }

  @Override
  public void execute(DelegateExecution execution) {
    Promotion promotion = register.find(text(execution, "promotionId")).orElseThrow();
    Employee employee = records.find(promotion.employeeId()).orElseThrow();
    LocalDate today = EngineClock.today(zone);
    EligibilityFacts facts = EligibilityFacts.of(employee, records.history(employee.id()),
        promotion.promotionType().name(), promotion.track().name(), promotion.targetGrade(),
        today, policy.topPayLevel());
    register.recordFacts(promotion.id(), facts);
    execution.setVariablesLocal(facts.asVariables());
    execution.setVariableLocal("employeeId", employee.id());
    execution.setVariableLocal("employeeName", employee.name());
    execution.setVariableLocal("department", employee.department());
    execution.setVariableLocal("position", employee.position());
  }
}
