package com.careflow.review;

import com.careflow.calendar.CalendarProperties;
import com.careflow.employee.Employee;
import com.careflow.employee.EmployeeHistory.DisciplinaryKind;
import com.careflow.employee.EmployeeRecords;
import com.careflow.employee.Sanctions;
import com.careflow.identity.Departments;
import com.careflow.identity.IdentityProperties.Department;
import com.careflow.employee.EmployeeRecords.Recorded;
import com.careflow.locale.Labels;
import com.careflow.process.EngineClock;
import com.careflow.review.MonthlyComplaintReport.Penalty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
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
 * §1.10, §8.3; seed 002 第二十八条 2, 003 篇五 十二(二)): each bonus deduction against a person on
 * the employee records goes onto that file as a deduction from this month's performance bonus
 * (绩效奖金罚扣), approved by the general manager, with the upheld complaints' numbers. It is not
 * a disciplinary action: promotion does not read it. The deductions are those of the figures the
 * GM office reviewed and the notice showed (as compiled, not recounted).
 *
 * <p>A unit's deduction, one against a name typed before persons were chosen from the records,
 * one of nothing, and one against a person who has left go onto no file (logged). Once per
 * person and review: a retried job writes nothing twice. Sets {@code deductionsRecorded}, the
 * employee numbers. The sanctions the penalty standard calls for go to HR to publish
 * ({@link Sanctions}); {@code sanctionsProposed} lists them.
 */
@Component("recordReviewPenalties")
public class RecordReviewPenalties implements JavaDelegate {

  /** The general manager's approval of the notice. */
  static final String NOTICE_TASK = "ApproveRewardPenaltyNotice";

  private static final Logger LOG = LoggerFactory.getLogger(RecordReviewPenalties.class);

  private final MonthlyReviews reviews;
  private final EmployeeRecords records;
  private final Sanctions sanctions;
  private final Departments departments;
  private final Labels labels;
  private final ObjectMapper json;
  /** A penalty as a compiled review stored it, which may say more than this release reads. */
  private final ObjectReader storedPenalty;
  private final ZoneId zone;

  public RecordReviewPenalties(MonthlyReviews reviews, EmployeeRecords records,
      Sanctions sanctions, Departments departments, Labels labels, ObjectMapper json,
      CalendarProperties calendar) {
    this.reviews = reviews;
    this.records = records;
    this.sanctions = sanctions;
    this.departments = departments;
    this.labels = labels;
    this.json = json;
    this.storedPenalty = json.readerFor(Penalty.class)
        .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    this.zone = calendar.zone();
  }

  @Override
  public void execute(DelegateExecution execution) throws JsonProcessingException {
    String month = (String) execution.getVariable("reportMonth");
    String figures = reviews.figures(month).orElseThrow(() -> new NotValidException(
        "The review of " + month + " has no compiled figures: compile them again."));
    JsonNode penalties = json.readTree(figures).path("penalties");
    String approvedBy = PublishMonthlyReview.lastCompletedBy(execution, NOTICE_TASK);
    LocalDate today = EngineClock.today(zone);
    Instant now = ClockUtil.getCurrentTime().toInstant();
    List<String> recorded = new ArrayList<>();
    List<String> proposed = new ArrayList<>();
    Map<String, List<String>> byDepartment = new TreeMap<>();
    for (JsonNode node : penalties) {
      Penalty penalty = storedPenalty.treeToValue(node, Penalty.class);
      Employee employee = penalty.person() == null ? null
          : records.find(penalty.person()).filter(found -> found.status() != Employee.Status.LEFT)
              .orElse(null);
      BigDecimal amount = penalty.bonusDeduction() == null ? null
          : penalty.bonusDeduction().setScale(2, RoundingMode.HALF_UP); // as read back from JSON
      String complaints = String.join(", ", penalty.complaints() == null ? List.of()
          : penalty.complaints());
      if (employee == null || amount == null || amount.signum() <= 0) {
        LOG.info("Review {}: the deduction of {} CNY against {} goes onto no employee file", month,
            amount, penalty.person() == null ? penalty.department() : penalty.person());
      } else {
        String reason = labels.text("review.deductionReason", labels.company(), month,
            penalty.points(), amount.toPlainString());
        Recorded deduction = records.recordBonusDeduction(employee.id(), month, amount,
            complaints, reason, approvedBy, today, now);
        LOG.info("Review {}: a bonus deduction of {} CNY on {}'s file ({}{})", month,
            amount.toPlainString(), employee.id(), deduction.id(),
            deduction.created() ? "" : ", already recorded");
        recorded.add(employee.id());
        byDepartment.computeIfAbsent(employee.department(), department -> new ArrayList<>())
            .add(employee.name() + " (" + employee.id() + "): " + amount.toPlainString()
                + " CNY — " + complaints);
      }
      if (employee != null && penalty.sanctions() != null) {
        proposed.addAll(proposeSanctions(employee, penalty.sanctions(), month, approvedBy));
      }
    }
    execution.setVariable("deductionsRecorded", recorded);
    tellDepartments(execution, byDepartment);
    execution.setVariable("sanctionsProposed", proposed);
  }

  /**
   * What each penalised department's managers are told (SPEC §1.10: 处罚部门执行): the
   * departments ({@code penalisedDepartments}), each one's own people's deductions only
   * ({@code departmentNotices}; personnel data of no other department, SPEC §7.2), and who
   * manages it ({@code departmentManagers}; the general managers for a department without
   * managers of its own).
   */
  private void tellDepartments(DelegateExecution execution,
      Map<String, List<String>> byDepartment) {
    Map<String, String> notices = new TreeMap<>();
    Map<String, String> managers = new TreeMap<>();
    byDepartment.forEach((department, lines) -> {
      notices.put(department, String.join("\n", lines));
      Set<String> groups = departments.byId(department).map(Department::managers)
          .filter(found -> !found.isEmpty()).orElse(Set.of("general-managers"));
      managers.put(department, String.join(",", new TreeSet<>(groups)));
    });
    execution.setVariable("penalisedDepartments", new ArrayList<>(notices.keySet()));
    execution.setVariable("departmentNotices", notices);
    execution.setVariable("departmentManagers", managers);
  }

  /**
   * The sanctions the penalty standard calls for (SPEC §1.10) against a person on the records
   * who has not left: each goes to HR to publish, with its complaint as the source case.
   * Returns them, {@code EM-0000-0002 CP-2610-0007 WARNING}.
   */
  private List<String> proposeSanctions(Employee employee, List<String> standardSanctions,
      String month, String approvedBy) {
    List<String> proposed = new ArrayList<>();
    for (String sanction : standardSanctions) {
      String[] caseAndKind = sanction.split(" ");
      String complaint = caseAndKind[0];
      sanctions.propose(employee, DisciplinaryKind.valueOf(caseAndKind[1]),
          labels.text("review.sanctionReason", labels.company(), month, complaint), complaint,
          approvedBy);
      proposed.add(employee.id() + " " + sanction);
    }
    return proposed;
  }
}
