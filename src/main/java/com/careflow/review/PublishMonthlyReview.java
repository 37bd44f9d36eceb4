package com.careflow.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Publishes the approved monthly review (SPEC §1.10): it is stored with the GM office's
 * responsibility and penalty decisions, who reviewed it and which general manager approved the
 * reward and penalty notice, and from then on the department heads see it as published on the
 * report page and in the report API.
 */
@Component("publishMonthlyReview")
public class PublishMonthlyReview implements JavaDelegate {

  private final MonthlyReviews reviews;

  public PublishMonthlyReview(MonthlyReviews reviews) {
    this.reviews = reviews;
  }

  @Override
  public void execute(DelegateExecution execution) {
    reviews.published((String) execution.getVariable("reportMonth"),
        (String) execution.getVariable("decisionSummary"),
        lastCompletedBy(execution, "ReviewMonthlyReport"),
        lastCompletedBy(execution, RecordReviewPenalties.NOTICE_TASK),
        ClockUtil.getCurrentTime().toInstant());
  }

  /** Who last completed the task of this review, or null. */
  static String lastCompletedBy(DelegateExecution execution, String taskKey) {
    HistoricTaskInstance task = Context.getCommandContext().runWithoutAuthorization(() ->
        execution.getProcessEngineServices().getHistoryService()
            .createHistoricTaskInstanceQuery().processInstanceId(execution.getProcessInstanceId())
            .taskDefinitionKey(taskKey).finished().orderByHistoricTaskInstanceEndTime().desc()
            .list().stream().findFirst().orElse(null));
    return task == null ? null : task.getAssignee();
  }
}
