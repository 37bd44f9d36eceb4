package com.careflow.returns;

import static com.careflow.process.ProcessVariables.date;

import com.careflow.calendar.CalendarProperties;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.exception.NotValidException;
import org.springframework.stereotype.Component;

/**
 * Counts {@code daysSinceShipment} for the eligibility decision (SPEC §2.2: mould within 15
 * days of shipment): calendar days from the outbound date quality confirmed to the day the
 * customer made the claim. An outbound date after the claim is refused, so quality's task
 * stays open with the message, and nothing is decided on a wrong count.
 */
@Component("countDaysSinceShipment")
public class CountDaysSinceShipment implements JavaDelegate {

  private final ZoneId zone;

  public CountDaysSinceShipment(CalendarProperties calendar) {
    this.zone = calendar.zone();
  }

  @Override
  public void execute(DelegateExecution execution) {
    LocalDate shippedOn = date(execution, "shippedOn", zone);
    LocalDate claimedOn = date(execution, "claimedOn", zone);
    if (shippedOn == null) {
      throw new NotValidException("The outbound date (shippedOn) is needed to count the days "
          + "since shipment: take it from the sales outbound record.");
    }
    if (shippedOn.isAfter(claimedOn)) {
      throw new NotValidException("The outbound date " + shippedOn + " is after the claim of "
          + claimedOn + ": check it against the sales outbound record.");
    }
    execution.setVariable("daysSinceShipment", (int) ChronoUnit.DAYS.between(shippedOn, claimedOn));
  }
}
