package com.careflow.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Publishes the approved monthly review (SPEC §1.10): it is stored with the GM office's
 * responsibility and penalty decisions and who reviewed it, and from then on the department
 * heads see it as published on the report page and in the report API.
 */
@Component("publishMonthlyReview")
public class PublishMonthlyReview implements JavaDelegate {

  private final MonthlyReviews reviews;

  public PublishMonthlyReview(MonthlyReviews reviews) {
    this.reviews = reviews;
  }

  @Override
  public void execute(DelegateExecution execution) {
    HistoricTaskInstance review = execution.getProcessEngineServices().getHistoryService()
        .createHistoricTaskInstanceQuery().processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKey("ReviewMonthlyReport").finished()
        .orderByHistoricTaskInstanceEndTime().desc().list().stream().findFirst().orElse(null);
    reviews.published((String) execution.getVariable("reportMonth"),
        (String) execution.getVariable("responsibilityDecisions"),
        review == null ? null : review.getAssignee(), ClockUtil.getCurrentTime().toInstant());
  }
}
