package com.careflow.support;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;

/**
 * The monthly complaint review of a month as it starts in the company: the engine clock moves to
 * the next month's 1st at 08:00, the review's timer fires, and its figures are compiled (what
 * the job executor, off in the Spring tests, would do).
 */
public final class MonthlyReviewStart {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  private MonthlyReviewStart() {}

  /** Starts and compiles the review of {@code month}; its business key. */
  public static String startTheReviewOf(ProcessEngine engine, YearMonth month) {
    ClockUtil.setCurrentTime(Date.from(month.plusMonths(1).atDay(1).atTime(8, 0)
        .atZone(SHANGHAI).toInstant()));
    Job firstOfTheMonth = engine.getManagementService().createJobQuery().timers()
        .activityId("FirstOfTheMonth").singleResult();
    engine.getManagementService().executeJob(firstOfTheMonth.getId());
    for (Job compile : engine.getManagementService().createJobQuery().messages()
        .activityId("CompileMonthlyReport").list()) {
      engine.getManagementService().executeJob(compile.getId()); // it names the review
    }
    return "REVIEW-" + month;
  }

  /**
   * The GM office decides responsibility (SPEC §1.10) for every upheld complaint of the review
   * but {@code complaint} (other tests' cases closed in the same month): each is charged to the
   * management office, with a reason, so that only the story's own case is left to decide.
   */
  public static void decideAllBut(ProcessEngine engine, String businessKey, String complaint) {
    for (Task task : engine.getTaskService().createTaskQuery()
        .processInstanceBusinessKey(businessKey).taskDefinitionKey("DecideResponsibility")
        .list()) {
      if (!complaint.equals(engine.getTaskService().getVariable(task.getId(),
          "complaintNumber"))) {
        engine.getTaskService().claim(task.getId(), "gmoffice");
        engine.getTaskService().complete(task.getId(), Map.of("decidedDepartment",
            "management-office", "decidedParty", "", "decidedPerson", "", "decidedShare", 100,
            "changeReason", "Another test's case."));
      }
    }
  }
}
