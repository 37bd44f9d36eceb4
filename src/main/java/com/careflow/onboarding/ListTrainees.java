package com.careflow.onboarding;

import static com.careflow.process.ProcessVariables.date;
import static com.careflow.process.ProcessVariables.text;

import com.careflow.calendar.CalendarProperties;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Lists who takes a product training (SPEC §3.5): every member of the model's
 * {@code dutyGroup} ({@code cs-agents}), the agents on duty, by user id; their tasks are due at
 * the end of the launch form's {@code completeBy} day, in the company's time zone.
 */
@Component("listTrainees")
public class ListTrainees implements JavaDelegate {

  private final ZoneId zone;

  public ListTrainees(CalendarProperties calendar) {
    this.zone = calendar.zone();
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<String> trainees = new ArrayList<>(execution.getProcessEngineServices()
        .getIdentityService().createUserQuery().memberOfGroup(text(execution, "dutyGroup"))
        .orderByUserId().asc().list().stream().map(User::getId).toList());
    execution.setVariable("trainees", trainees);
    execution.setVariable("traineeCount", trainees.size());
    LocalDate completeBy = date(execution, "completeBy", zone);
    execution.setVariable("trainingDueAt", completeBy == null ? null
        : Date.from(completeBy.atTime(LocalTime.of(23, 59)).atZone(zone).toInstant()));
  }
}
