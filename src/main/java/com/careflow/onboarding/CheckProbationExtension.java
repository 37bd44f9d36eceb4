package com.careflow.onboarding;

import static com.careflow.process.ProcessVariables.integer;
import static com.careflow.process.ProcessVariables.text;

import com.careflow.calendar.CalendarProperties;
import java.time.ZoneId;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Checks a supervisor's EXTEND when the task is completed (SPEC §3.1: 1–6 months in all): an
 * extension that is missing or too long keeps the task open with the reason, so the supervisor
 * corrects it instead of HR finding it later.
 */
@Component("checkProbationExtension")
public class CheckProbationExtension implements TaskListener {

  private final ZoneId zone;

  public CheckProbationExtension(CalendarProperties calendar) {
    this.zone = calendar.zone();
  }

  @Override
  public void notify(DelegateTask task) {
    if ("EXTEND".equals(text(task, "recommendation"))) {
      Probation.of(task, zone).extendedBy(integer(task, "extensionMonths"));
    }
  }
}
