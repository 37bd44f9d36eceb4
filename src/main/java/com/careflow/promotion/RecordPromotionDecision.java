package com.careflow.promotion;

import static com.careflow.process.ProcessVariables.date;
import static com.careflow.process.ProcessVariables.text;

import com.careflow.calendar.CalendarProperties;
import com.careflow.process.EngineClock;
import com.careflow.promotion.Promotion.Decision;
import com.careflow.promotion.Promotion.Status;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Component;

/**
 * Records the approver's decision on the promotions in hand (SPEC §4.3), with who decided and
 * when (the approval task), and the note: the model's {@code decision} REJECTED, or APPROVED
 * with HR's {@code effectiveDate}, which may not be in the past (HR's task stays open) and sets
 * the timer {@code effectiveAt}, the start of that day.
 */
@Component("recordPromotionDecision")
public class RecordPromotionDecision implements JavaDelegate {

  static final String APPROVAL_TASK = "ApprovePromotion";

  private final PromotionRegister register;
  private final ZoneId zone;

  public RecordPromotionDecision(PromotionRegister register, CalendarProperties calendar) {
    this.register = register;
    this.zone = calendar.zone();
  }

  @Override
  public void execute(DelegateExecution execution) {
    Status status = Status.valueOf(text(execution, "decision"));
    LocalDate effective = null;
    if (status == Status.APPROVED) {
      effective = date(execution, "effectiveDate", zone);
      LocalDate today = EngineClock.today(zone);
      if (effective == null || effective.isBefore(today)) {
        throw new NotValidException("The effective date must be today or later.");
      }
      execution.setVariable("effectiveAt", Date.from(effective.atStartOfDay(zone).toInstant()));
    }
    // HR completes the notice; the approval's history is not HR's to read in Cockpit
    HistoricTaskInstance approval = Context.getCommandContext().runWithoutAuthorization(() ->
        execution.getProcessEngineServices().getHistoryService()
            .createHistoricTaskInstanceQuery().processInstanceId(execution.getProcessInstanceId())
            .taskDefinitionKey(APPROVAL_TASK).finished().orderByHistoricTaskInstanceEndTime()
            .desc().list().stream().findFirst().orElseThrow());
    @SuppressWarnings("unchecked")
    List<String> ids = (List<String>) execution.getVariable("promotionsInDecision");
    register.decide(ids, status, new Decision(approval.getAssignee(),
        approval.getEndTime().toInstant(), text(execution, "decisionNote"), effective));
  }
}
