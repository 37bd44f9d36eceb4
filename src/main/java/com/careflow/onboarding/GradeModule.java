package com.careflow.onboarding;

import static com.careflow.process.ProcessVariables.decimal;
import static com.careflow.process.ProcessVariables.integer;
import static com.careflow.process.ProcessVariables.text;

import com.careflow.employee.EmployeeHistory.TrainingResult;
import com.careflow.employee.EmployeeRecords;
import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Grades a sitting of a pre-job training module (SPEC §3.2) against the model's policy:
 * {@code passMark} (70) and {@code retakesAllowed} (1) on the training sub-process. Sets
 * {@code moduleOutcome}: PASSED; RETAKE while retakes are left; FAILED after the last one,
 * which goes to the supervisor. Every sitting is kept in the employee's file.
 */
@Component("gradeModule")
public class GradeModule implements JavaDelegate {

  private static final BigDecimal FULL_MARKS = BigDecimal.valueOf(100);

  private final EmployeeRecords records;

  public GradeModule(EmployeeRecords records) {
    this.records = records;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String module = text(execution, "module");
    BigDecimal score = decimal(execution, "moduleScore");
    if (score == null || score.signum() < 0 || score.compareTo(FULL_MARKS) > 0) {
      throw new NotValidException("The " + module + " score must be 0 to 100.");
    }
    BigDecimal passMark = decimal(execution, "passMark");
    int sitting = integer(execution, "sitting") + 1;
    boolean passed = score.compareTo(passMark) >= 0;
    String outcome = passed ? "PASSED"
        : sitting <= integer(execution, "retakesAllowed") ? "RETAKE" : "FAILED";
    Authentication trainer = execution.getProcessEngineServices().getIdentityService()
        .getCurrentAuthentication();
    records.recordTrainingResult(text(execution, "employeeId"), new TrainingResult(module,
        sitting, score, passed, trainer == null ? null : trainer.getUserId(),
        ClockUtil.getCurrentTime().toInstant()));
    execution.setVariable("sitting", sitting);
    execution.setVariable("moduleOutcome", outcome);
    execution.setVariable("previousScore", score);
    execution.setVariable("moduleScore", null);
    String summary = text(execution, "trainingSummary");
    execution.setVariable("trainingSummary", (summary == null ? "" : summary + "\n")
        + module + ", sitting " + sitting + ": " + score.stripTrailingZeros().toPlainString()
        + " (pass mark " + passMark.stripTrailingZeros().toPlainString() + "), "
        + (passed ? "passed" : "failed"));
  }
}
