package com.careflow.review;

import com.careflow.calendar.CalendarProperties;
import com.careflow.complaint.ComplaintRegister;
import com.careflow.complaint.ComplaintRegister.Entry;
import com.careflow.employee.CustomerRatings;
import com.careflow.employee.MonthlyRatings;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * SPEC §8.4 from the complaint register: the satisfaction ratings of the cases an agent
 * registered as their first-contact agent ({@code registered_by}, the Tasklist login), counted
 * per month the case closed in the company's zone, as the monthly review counts them for the
 * whole company.
 */
@Component
public class AgentRatings implements CustomerRatings {

  private final ComplaintRegister complaints;
  private final ZoneId zone;

  public AgentRatings(ComplaintRegister complaints, CalendarProperties calendar) {
    this.complaints = complaints;
    this.zone = calendar.zone();
  }

  @Override
  public List<MonthlyRatings> ofFirstContactAgent(String login, LocalDate since, YearMonth from,
      YearMonth to) {
    Instant registeredSince = since.atStartOfDay(zone).toInstant();
    Map<YearMonth, List<Entry>> byMonth = new TreeMap<>();
    for (Entry entry : complaints.closedBetween(start(from), start(to.plusMonths(1)))) {
      if (login.equals(entry.registeredBy()) && !entry.registeredAt().isBefore(registeredSince)
          && rated(entry)) {
        byMonth.computeIfAbsent(YearMonth.from(entry.closedAt().atZone(zone)),
            month -> new ArrayList<>()).add(entry);
      }
    }
    List<MonthlyRatings> months = new ArrayList<>();
    byMonth.forEach((month, cases) -> months.add(new MonthlyRatings(month, cases.size(),
        ComplaintStatistics.satisfaction(cases))));
    return months;
  }

  private Instant start(YearMonth month) {
    return month.atDay(1).atStartOfDay(zone).toInstant();
  }

  private static boolean rated(Entry entry) {
    return ComplaintStatistics.DIMENSIONS.values().stream().map(rating -> rating.apply(entry))
        .anyMatch(Objects::nonNull);
  }
}
