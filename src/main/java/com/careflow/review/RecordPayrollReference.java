package com.careflow.review;

import com.careflow.employee.EmployeeRecords;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Finance has applied the month's reward and penalty notice in a performance-bonus run (SPEC
 * §1.10; seed 003 篇五 十二(二)): that run's payroll reference ({@code payrollReference}, from
 * <em>Apply the bonus deductions</em>) goes onto each of the review month's bonus deductions, so
 * every employee's file shows which run applied theirs. A retried job writes the same again.
 */
@Component("recordPayrollReference")
public class RecordPayrollReference implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(RecordPayrollReference.class);

  private final EmployeeRecords records;

  public RecordPayrollReference(EmployeeRecords records) {
    this.records = records;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String month = (String) execution.getVariable("reportMonth");
    String reference = (String) execution.getVariable("payrollReference");
    int applied = records.recordPayrollReference(month, reference);
    LOG.info("Review {}: {} bonus deduction(s) applied in payroll run {}", month, applied,
        reference);
  }
}
