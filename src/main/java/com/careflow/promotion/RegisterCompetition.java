package com.careflow.promotion;

import static com.careflow.process.ProcessVariables.date;
import static com.careflow.process.ProcessVariables.integer;
import static com.careflow.process.ProcessVariables.text;

import com.careflow.calendar.CalendarProperties;
import com.careflow.numbering.CaseNumbers;
import com.careflow.numbering.CaseNumbers.CaseNumber;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Registers an internal competition HR publishes (SPEC §4.4): numbers it {@code VC-YYMM-NNNN}
 * and sets {@code registrationClosesAt}, the end of the closing date in the company's zone.
 */
@Component("registerCompetition")
public class RegisterCompetition implements JavaDelegate {

  /** Competition numbers are {@code VC-YYMM-NNNN}. */
  static final String SERIES = "VC";

  private final CaseNumbers numbers;
  private final PromotionRegister register;
  private final ZoneId zone;

  public RegisterCompetition(CaseNumbers numbers, PromotionRegister register,
      CalendarProperties calendar) {
    this.numbers = numbers;
    this.register = register;
    this.zone = calendar.zone();
  }

  @Override
  public void execute(DelegateExecution execution) {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    LocalDate closesOn = date(execution, "closesOn", zone);
    Competition competition = new Competition(null, text(execution, "post"),
        integer(execution, "targetGrade"), integer(execution, "places"),
        text(execution, "eligibility"), closesOn,
        Arrays.stream(text(execution, "panel").split(",")).map(String::trim).toList(),
        text(execution, "nominatedBy"), now, Competition.Status.OPEN, null);
    CaseNumber id = numbers.next(SERIES, now);
    register.insertCompetition(id, competition, execution.getProcessInstanceId());
    execution.setProcessBusinessKey(id.toString());
    execution.setVariable("competitionId", id.toString());
    execution.setVariable("registrationClosesAt",
        Date.from(closesOn.plusDays(1).atStartOfDay(zone).toInstant()));
  }
}
