package com.careflow.employee;

import com.careflow.employee.Employee.Status;
import com.careflow.employee.EmployeeHistory.BonusDeduction;
import com.careflow.employee.EmployeeHistory.Certificate;
import com.careflow.employee.EmployeeHistory.CertificateKind;
import com.careflow.employee.EmployeeHistory.CourseLevel;
import com.careflow.employee.EmployeeHistory.CourseResult;
import com.careflow.employee.EmployeeHistory.DisciplinaryAction;
import com.careflow.employee.EmployeeHistory.DisciplinaryKind;
import com.careflow.employee.EmployeeHistory.PerformanceScore;
import com.careflow.employee.EmployeeHistory.TrainingResult;
import com.careflow.identity.Departments.Scope;
import com.careflow.numbering.CaseNumbers.CaseNumber;
import com.careflow.register.RegisterQuery;
import com.careflow.register.RegisterQuery.Page;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * The employee records (SPEC §3, §4) on CareFlow's database. Onboarding writes the hire and
 * its milestones in the engine's transaction; HR's entries come through
 * {@link EmployeeController}; promotion reads them.
 */
@Component
public class EmployeeRecords {

  /** A hire as HR registered it (SPEC §3.1). */
  public record Hire(String userId, String name, String email, String department,
      String position, int grade, int payLevel, LocalDate startDate, int probationMonths,
      LocalDate probationEndsOn, String mentor, String hiredBy) {}

  /** Register filters; null means any. */
  public record Filter(Status status, String department) {}

  private final NamedParameterJdbcTemplate jdbc;

  public EmployeeRecords(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  // --- the record ---

  /**
   * Records the hire on PROBATION.
   *
   * @throws org.springframework.dao.DuplicateKeyException when the login is a current
   *     employee's (one current employee per login, V9)
   */
  public void insert(CaseNumber id, Hire hire, Instant hiredAt, String processInstanceId) {
    jdbc.update("""
        INSERT INTO employee (id, period, serial, user_id, active_user_id, name, email,
          department, position, grade, pay_level, status, start_date, probation_months,
          probation_ends_on, mentor, hired_at, hired_by, process_instance_id)
        VALUES (:id, :period, :serial, :userId, :userId, :name, :email, :department, :position,
          :grade, :payLevel, 'PROBATION', :startDate, :probationMonths, :probationEndsOn,
          :mentor, :hiredAt, :hiredBy, :processInstanceId)""",
        new MapSqlParameterSource("id", id.toString()).addValue("period", id.period())
            .addValue("serial", id.serial()).addValue("userId", hire.userId())
            .addValue("name", hire.name()).addValue("email", hire.email())
            .addValue("department", hire.department()).addValue("position", hire.position())
            .addValue("grade", hire.grade()).addValue("payLevel", hire.payLevel())
            .addValue("startDate", hire.startDate())
            .addValue("probationMonths", hire.probationMonths())
            .addValue("probationEndsOn", hire.probationEndsOn())
            .addValue("mentor", hire.mentor()).addValue("hiredAt", Timestamp.from(hiredAt))
            .addValue("hiredBy", hire.hiredBy())
            .addValue("processInstanceId", processInstanceId));
  }

  public Optional<Employee> find(String id) {
    return jdbc.query("SELECT * FROM employee WHERE id = :id", new MapSqlParameterSource("id", id),
        EmployeeRecords::employee).stream().findFirst();
  }

  /** The names on the records of these employee numbers, by number; unknown numbers left out. */
  public Map<String, String> names(Collection<String> ids) {
    Map<String, String> names = new HashMap<>();
    List<String> all = List.copyOf(new LinkedHashSet<>(ids));
    for (int from = 0; from < all.size(); from += 1000) {
      jdbc.query("SELECT id, name FROM employee WHERE id IN (:ids)",
          new MapSqlParameterSource("ids", all.subList(from, Math.min(all.size(), from + 1000))),
          row -> {
            names.put(row.getString("id"), row.getString("name"));
          });
    }
    return names;
  }

  /** The employee, on probation or regular, whose Tasklist user this is. */
  public Optional<Employee> currentByUser(String userId) {
    return jdbc.query("SELECT * FROM employee WHERE user_id = :userId AND status <> 'LEFT'",
        new MapSqlParameterSource("userId", userId), EmployeeRecords::employee).stream()
        .findFirst();
  }

  /** The current employees (on probation or regular), by department and name. */
  public List<Employee> current() {
    return jdbc.query("SELECT * FROM employee WHERE status <> 'LEFT' ORDER BY department, name, id",
        EmployeeRecords::employee);
  }

  /** Whether this Tasklist user ever belonged to an employee, current or former. */
  public boolean everEmployed(String userId) {
    Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM employee WHERE user_id = :userId",
        new MapSqlParameterSource("userId", userId), Integer.class);
    return count != null && count > 0;
  }

  /** A page of the records within {@code scope}, newest hire first, and how many match in all. */
  public Page<Employee> search(Filter filter, Scope scope, int page, int size) {
    RegisterQuery query = RegisterQuery.of("employee", "id");
    if (!scope.all()) {
      query.in("department", scope.departments());
    }
    return query
        .equal("status", filter.status() == null ? null : filter.status().name())
        .equal("department", filter.department())
        .page(jdbc, "hired_at", EmployeeRecords::employee, page, size);
  }

  public void assignMentor(String id, String mentor) {
    update("UPDATE employee SET mentor = :value WHERE id = :id", id, mentor);
  }

  /** SPEC §3.3: the day the new agent went on duty. */
  public void putOnDuty(String id, LocalDate since) {
    update("UPDATE employee SET on_duty_since = :value WHERE id = :id", id, since);
  }

  /** Probation now lasts {@code months} in all and runs until {@code endsOn}. */
  public void extendProbation(String id, int months, LocalDate endsOn) {
    jdbc.update("UPDATE employee SET probation_months = :months, probation_ends_on = :endsOn "
            + "WHERE id = :id",
        new MapSqlParameterSource("id", id).addValue("months", months)
            .addValue("endsOn", endsOn));
  }

  /** SPEC §3.4: REGULAR from {@code since}, which also starts the months-in-grade clock. */
  public void confirm(String id, LocalDate since) {
    update("UPDATE employee SET status = 'REGULAR', regular_since = :value, grade_since = :value "
        + "WHERE id = :id", id, since);
  }

  /**
   * SPEC §4.3: the new grade and pay level (and position, when given) from {@code since}, which
   * restarts the months-in-grade clock.
   */
  public void promote(String id, int grade, int payLevel, String position, LocalDate since) {
    jdbc.update("UPDATE employee SET grade = :grade, pay_level = :payLevel, "
            + "position = COALESCE(:position, position), grade_since = :since WHERE id = :id",
        new MapSqlParameterSource("id", id).addValue("grade", grade)
            .addValue("payLevel", payLevel).addValue("position", position)
            .addValue("since", since));
  }

  /** Employment ended on {@code on}. */
  public void leave(String id, LocalDate on, String reason) {
    jdbc.update("UPDATE employee SET status = 'LEFT', left_on = :on, leaving_reason = :reason, "
            + "active_user_id = NULL WHERE id = :id",
        new MapSqlParameterSource("id", id).addValue("on", on).addValue("reason", reason));
  }

  // --- the file ---

  public void recordTrainingResult(String id, TrainingResult result) {
    jdbc.update("""
        INSERT INTO employee_training_result (employee_id, module, attempt, score, passed,
          trainer, recorded_at)
        VALUES (:id, :module, :attempt, :score, :passed, :trainer, :recordedAt)""",
        new MapSqlParameterSource("id", id).addValue("module", result.module())
            .addValue("attempt", result.attempt()).addValue("score", result.score())
            .addValue("passed", result.passed()).addValue("trainer", result.trainer())
            .addValue("recordedAt", Timestamp.from(result.recordedAt())));
  }

  /** Records the month's score, replacing one recorded before; true when it replaced one. */
  public boolean recordPerformanceScore(String id, PerformanceScore score) {
    MapSqlParameterSource params = new MapSqlParameterSource("id", id)
        .addValue("month", Date.valueOf(score.month().atDay(1))).addValue("score", score.score())
        .addValue("recordedBy", score.recordedBy())
        .addValue("recordedAt", Timestamp.from(score.recordedAt()));
    if (jdbc.update("UPDATE employee_performance_score SET score = :score, "
        + "recorded_by = :recordedBy, recorded_at = :recordedAt "
        + "WHERE employee_id = :id AND score_month = :month", params) == 1) {
      return true;
    }
    jdbc.update("INSERT INTO employee_performance_score (employee_id, score_month, score, recorded_by, "
        + "recorded_at) VALUES (:id, :month, :score, :recordedBy, :recordedAt)", params);
    return false;
  }

  public long addDisciplinaryAction(String id, LocalDate actionOn, DisciplinaryKind kind,
      String reason, String recordedBy, Instant recordedAt) {
    return insertReturningId("""
        INSERT INTO employee_disciplinary_action (employee_id, action_on, kind, reason,
          recorded_by, recorded_at)
        VALUES (:id, :on, :kind, :detail, :recordedBy, :recordedAt)""",
        entry(id, actionOn, kind.name(), reason, recordedBy, recordedAt));
  }

  /**
   * SPEC §8.3: the disciplinary action a procedure decided, with the case it comes from, once:
   * when the employee already has an action of this kind, reason and source case (a retried
   * step, a case modified in Cockpit), that one is kept and its id returned.
   *
   * @return the action's id, and whether it was written now
   */
  public Recorded recordDisciplinaryAction(String id, LocalDate actionOn, DisciplinaryKind kind,
      String reason, String sourceCase, String decidedBy, Instant recordedAt) {
    MapSqlParameterSource params = entry(id, actionOn, kind.name(), reason, decidedBy,
        recordedAt).addValue("source", sourceCase);
    List<Long> existing = jdbc.queryForList("""
        SELECT id FROM employee_disciplinary_action
        WHERE employee_id = :id AND kind = :kind AND reason = :detail AND source_case = :source
        ORDER BY id""", params, Long.class);
    if (!existing.isEmpty()) {
      return new Recorded(existing.get(0), false);
    }
    return new Recorded(insertReturningId("""
        INSERT INTO employee_disciplinary_action (employee_id, action_on, kind, reason,
          source_case, recorded_by, recorded_at)
        VALUES (:id, :on, :kind, :detail, :source, :recordedBy, :recordedAt)""", params), true);
  }

  /**
   * SPEC §1.10: the bonus deduction of a monthly review's approved notice, once per person and
   * review: a retried step keeps the one it wrote.
   *
   * @return the deduction's id, and whether it was written now
   */
  public Recorded recordBonusDeduction(String id, String reviewMonth, BigDecimal amount,
      String sourceCase, String reason, String approvedBy, LocalDate approvedOn,
      Instant recordedAt) {
    MapSqlParameterSource params = new MapSqlParameterSource("id", id)
        .addValue("month", reviewMonth).addValue("amount", amount)
        .addValue("source", sourceCase).addValue("reason", reason)
        .addValue("approvedBy", approvedBy).addValue("on", approvedOn)
        .addValue("recordedAt", Timestamp.from(recordedAt));
    List<Long> existing = jdbc.queryForList("SELECT id FROM employee_bonus_deduction "
        + "WHERE employee_id = :id AND review_month = :month ORDER BY id", params, Long.class);
    if (!existing.isEmpty()) {
      return new Recorded(existing.get(0), false);
    }
    return new Recorded(insertReturningId("""
        INSERT INTO employee_bonus_deduction (employee_id, review_month, amount, source_case,
          reason, approved_by, approved_on, recorded_at)
        VALUES (:id, :month, :amount, :source, :reason, :approvedBy, :on, :recordedAt)""",
        params), true);
  }

  /**
   * SPEC §1.10: the payroll run that applied a review month's bonus deductions, on each of them.
   *
   * @return how many deductions it is on
   */
  public int recordPayrollReference(String reviewMonth, String payrollReference) {
    return jdbc.update("UPDATE employee_bonus_deduction SET payroll_reference = :reference "
        + "WHERE review_month = :month", new MapSqlParameterSource("month", reviewMonth)
            .addValue("reference", payrollReference));
  }

  /** A disciplinary action recorded by a procedure: its id, and whether it is new. */
  public record Recorded(long id, boolean created) {}

  public long addCertificate(String id, CertificateKind kind, LocalDate issuedOn, String reference,
      String recordedBy, Instant recordedAt) {
    return insertReturningId("""
        INSERT INTO employee_certificate (employee_id, issued_on, kind, reference, recorded_by,
          recorded_at)
        VALUES (:id, :on, :kind, :detail, :recordedBy, :recordedAt)""",
        entry(id, issuedOn, kind.name(), reference, recordedBy, recordedAt));
  }

  public long addCourseResult(String id, CourseLevel level, BigDecimal score,
      LocalDate completedOn, String recordedBy, Instant recordedAt) {
    return insertReturningId("""
        INSERT INTO employee_course_result (employee_id, completed_on, level, score, recorded_by,
          recorded_at)
        VALUES (:id, :on, :kind, :detail, :recordedBy, :recordedAt)""",
        entry(id, completedOn, level.name(), score, recordedBy, recordedAt));
  }

  /**
   * The employee's training, scores, disciplinary actions, bonus deductions, certificates and
   * courses.
   */
  public EmployeeHistory history(String id) {
    MapSqlParameterSource of = new MapSqlParameterSource("id", id);
    List<TrainingResult> training = jdbc.query("SELECT * FROM employee_training_result "
        + "WHERE employee_id = :id ORDER BY recorded_at, module, attempt", of,
        (row, i) -> new TrainingResult(row.getString("module"), row.getInt("attempt"),
            row.getBigDecimal("score"), row.getBoolean("passed"), row.getString("trainer"),
            instant(row, "recorded_at")));
    List<PerformanceScore> performance = jdbc.query("SELECT * FROM employee_performance_score "
        + "WHERE employee_id = :id ORDER BY score_month", of,
        (row, i) -> new PerformanceScore(YearMonth.from(row.getDate("score_month").toLocalDate()),
            row.getBigDecimal("score"), row.getString("recorded_by"),
            instant(row, "recorded_at")));
    List<DisciplinaryAction> disciplinary = jdbc.query("SELECT * FROM "
        + "employee_disciplinary_action WHERE employee_id = :id ORDER BY action_on, id", of,
        (row, i) -> new DisciplinaryAction(row.getLong("id"), date(row, "action_on"),
            DisciplinaryKind.valueOf(row.getString("kind")), row.getString("reason"),
            row.getString("source_case"), row.getString("recorded_by"),
            instant(row, "recorded_at")));
    List<BonusDeduction> deductions = jdbc.query("SELECT * FROM employee_bonus_deduction "
        + "WHERE employee_id = :id ORDER BY review_month, id", of,
        (row, i) -> new BonusDeduction(row.getLong("id"), row.getString("review_month"),
            row.getBigDecimal("amount"), row.getString("source_case"), row.getString("reason"),
            row.getString("approved_by"), date(row, "approved_on"),
            row.getString("payroll_reference")));
    List<Certificate> certificates = jdbc.query("SELECT * FROM employee_certificate "
        + "WHERE employee_id = :id ORDER BY issued_on, id", of,
        (row, i) -> new Certificate(row.getLong("id"),
            CertificateKind.valueOf(row.getString("kind")), date(row, "issued_on"),
            row.getString("reference"), row.getString("recorded_by"),
            instant(row, "recorded_at")));
    List<CourseResult> courses = jdbc.query("SELECT * FROM employee_course_result "
        + "WHERE employee_id = :id ORDER BY completed_on, id", of,
        (row, i) -> new CourseResult(row.getLong("id"), CourseLevel.valueOf(row.getString("level")),
            row.getBigDecimal("score"), date(row, "completed_on"), row.getString("recorded_by"),
            instant(row, "recorded_at")));
    return new EmployeeHistory(training, performance, disciplinary, deductions, certificates,
        courses);
  }

  private void update(String sql, String id, Object value) {
    jdbc.update(sql, new MapSqlParameterSource("id", id).addValue("value", value));
  }

  private static MapSqlParameterSource entry(String id, LocalDate on, String kind, Object detail,
      String recordedBy, Instant recordedAt) {
    return new MapSqlParameterSource("id", id).addValue("on", on).addValue("kind", kind)
        .addValue("detail", detail).addValue("recordedBy", recordedBy)
        .addValue("recordedAt", Timestamp.from(recordedAt));
  }

  private long insertReturningId(String sql, MapSqlParameterSource params) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(sql, params, key, new String[] {"id"});
    return key.getKeyAs(Number.class).longValue();
  }

  private static Employee employee(ResultSet row, int index) throws SQLException {
    return new Employee(row.getString("id"), row.getString("user_id"), row.getString("name"),
        row.getString("email"), row.getString("department"), row.getString("position"),
        row.getInt("grade"), row.getInt("pay_level"), Status.valueOf(row.getString("status")),
        date(row, "start_date"), row.getInt("probation_months"), date(row, "probation_ends_on"),
        row.getString("mentor"), date(row, "on_duty_since"), date(row, "regular_since"),
        date(row, "grade_since"), date(row, "left_on"), row.getString("leaving_reason"),
        instant(row, "hired_at"), row.getString("hired_by"), row.getString("process_instance_id"));
  }

  private static LocalDate date(ResultSet row, String column) throws SQLException {
    Date date = row.getDate(column);
    return date == null ? null : date.toLocalDate();
  }

  private static Instant instant(ResultSet row, String column) throws SQLException {
    Timestamp at = row.getTimestamp(column);
    return at == null ? null : at.toInstant();
  }
}
