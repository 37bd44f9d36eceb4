package com.careflow.complaint;

import com.careflow.calendar.CalendarProperties;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The closing limit of a case (SPEC §1.7), for the closing-deadline timer of
 * {@code complaint-handling}: registration plus the {@code closeWithinDays} calendar days the
 * decision {@code complaint-deadlines} gives for the case's type and the customer's region.
 *
 * <p>The timer of an event subprocess is set when the case starts, before any task of the
 * process could ask the decision, hence this bean; the limits themselves stay in the decision
 * table, where the process owner changes them.
 */
@Component("complaintDeadlines")
public class ComplaintDeadlines {

  /** The decision that holds the complaint deadlines (SPEC §6). */
  public static final String DECISION = "complaint-deadlines";

  private final ZoneId zone;

  public ComplaintDeadlines(CalendarProperties calendar) {
    this.zone = calendar.zone();
  }

  /**
   * When the case must be closed by, in the engine's time; kept in the case's variable
   * {@code closingDeadline} for its forms and {@code GET /api/complaints/{number}}.
   */
  public Date closeBy(DelegateExecution execution) {
    Map<String, Object> inputs = Map.of(
        "complaintType", String.valueOf(execution.getVariable("complaintType")),
        "region", String.valueOf(execution.getVariable("customerRegion")),
        "specialCase", Boolean.TRUE.equals(execution.getVariable("specialCase")));
    // the case's starter need not be allowed to evaluate decisions: the process asks, not them
    DmnDecisionResultEntries result = Context.getCommandContext().runWithoutAuthorization(() ->
        execution.getProcessEngineServices().getDecisionService()
            .evaluateDecisionByKey(DECISION).variables(inputs).evaluate().getSingleResult());
    if (result == null || !(result.get("closeWithinDays") instanceof Number days)) {
      throw new IllegalStateException("The decision " + DECISION + " gives no closeWithinDays for "
          + inputs + "; every type and region needs a rule");
    }
    Instant registeredAt = execution.getVariable("registeredAt") instanceof Date date
        ? date.toInstant() : ClockUtil.getCurrentTime().toInstant();
    Date closingDeadline =
        Date.from(registeredAt.atZone(zone).plusDays(days.longValue()).toInstant());
    execution.setVariable("closingDeadline", closingDeadline);
    return closingDeadline;
  }

  /**
   * The end of a day the form set ({@code 2026-12-04}, as form-js writes a date, or a date), in
   * the company's zone: a task due "by" that date is due at its last minute (SPEC §1.9 限期整改).
   */
  public Date endOfDay(Object day) {
    LocalDate date = day instanceof Date given ? LocalDate.ofInstant(given.toInstant(), zone)
        : LocalDate.parse(String.valueOf(day).substring(0, 10));
    return Date.from(date.atTime(LocalTime.MAX).atZone(zone).toInstant());
  }
}
