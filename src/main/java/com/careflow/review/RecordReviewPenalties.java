package com.careflow.review;

import com.careflow.calendar.CalendarProperties;
import com.careflow.employee.Employee;
import com.careflow.employee.EmployeeHistory.DisciplinaryKind;
import com.careflow.employee.EmployeeRecords;
import com.careflow.employee.EmployeeRecords.Recorded;
import com.careflow.locale.Labels;
import com.careflow.process.EngineClock;
import com.careflow.review.MonthlyComplaintReport.Penalty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Executes the reward and penalty notice (奖罚通知单) once the general manager approved it (SPEC
 * §1.10, §8.3; seed 002 第二十八条 2): each penalty against a person on the employee records
 * becomes a disciplinary action on that record, dated the day of approval, decided by the
 * general manager who approved, with the upheld complaints' numbers as its source case, so
 * promotion's "no disciplinary action in 6 months" sees it. The penalties are those of the
 * figures the GM office reviewed and the notice showed (as compiled, not recounted).
 *
 * <p>The kind is the input parameter {@code penaltyKind} (WARNING by default; a process owner
 * may make it DEMERIT). A unit's points, and a name typed before persons were chosen from the
 * records, go onto no record; nor does a person who has left. Once per person and review: a
 * retried job writes nothing twice. Sets {@code penaltiesRecorded}, the employee numbers.
 */
@Component("recordReviewPenalties")
public class RecordReviewPenalties implements JavaDelegate {

  /** The general manager's approval of the notice. */
  static final String NOTICE_TASK = "ApproveRewardPenaltyNotice";

  private static final Logger LOG = LoggerFactory.getLogger(RecordReviewPenalties.class);

  private final MonthlyReviews reviews;
  private final EmployeeRecords records;
  private final Labels labels;
  private final ObjectMapper json;
  /** A penalty as a compiled review stored it, which may say more than this release reads. */
  private final ObjectReader storedPenalty;
  private final ZoneId zone;

  public RecordReviewPenalties(MonthlyReviews reviews, EmployeeRecords records, Labels labels,
      ObjectMapper json, CalendarProperties calendar) {
    this.reviews = reviews;
    this.records = records;
    this.labels = labels;
    this.json = json;
    this.storedPenalty = json.readerFor(Penalty.class)
        .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    this.zone = calendar.zone();
  }

  @Override
  public void execute(DelegateExecution execution) throws JsonProcessingException {
    String month = (String) execution.getVariable("reportMonth");
    DisciplinaryKind kind = DisciplinaryKind.valueOf(String.valueOf(
        execution.getVariableLocal("penaltyKind")));
    String figures = reviews.figures(month).orElseThrow(() -> new NotValidException(
        "The review of " + month + " has no compiled figures: compile them again."));
    JsonNode penalties = json.readTree(figures).path("penalties");
    String approvedBy = PublishMonthlyReview.lastCompletedBy(execution, NOTICE_TASK);
    LocalDate today = EngineClock.today(zone);
    Instant now = ClockUtil.getCurrentTime().toInstant();
    List<String> recorded = new ArrayList<>();
    for (JsonNode node : penalties) {
      Penalty penalty = storedPenalty.treeToValue(node, Penalty.class);
      Employee employee = penalty.person() == null ? null
          : records.find(penalty.person()).orElse(null);
      if (employee == null || employee.status() == Employee.Status.LEFT) {
        LOG.info("Review {}: the {} point(s) of {} go onto no employee record", month,
            penalty.points(), penalty.person() == null ? penalty.department() : penalty.person());
        continue;
      }
      String reason = labels.text("review.penaltyReason", labels.company(), month,
          penalty.points());
      Recorded action = records.recordDisciplinaryAction(employee.id(), today, kind, reason,
          String.join(", ", penalty.complaints() == null ? List.of() : penalty.complaints()),
          approvedBy, now);
      LOG.info("Review {}: {} point(s) on {}'s record (action {}{})", month, penalty.points(),
          employee.id(), action.id(), action.created() ? "" : ", already recorded");
      recorded.add(employee.id());
    }
    execution.setVariable("penaltiesRecorded", recorded);
  }
}
