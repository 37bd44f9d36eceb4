package com.careflow.complaint;

import com.careflow.numbering.CaseNumbers.CaseNumber;
import com.careflow.register.RegisterQuery;
import com.careflow.register.RegisterQuery.Page;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The complaint register (投诉登记表, SPEC §1.3, §1.9): what was registered, and how the case
 * stands (open or closed, category, remedy, overdue, closed late, round, retention). The intake writes a
 * row; the process keeps it current through its delegates, in the engine's transaction.
 */
@Component
public class ComplaintRegister {

  /** A row of the register. */
  public record Entry(String number, String complaintType, String channel, String customerName,
      String customerPhone, String customerEmail, String customerAddress, String customerRegion,
      String subject,
      String description, String orderNumber, String productBatch, LocalDate shippedOn,
      BigDecimal claimedAmount, boolean resolvedOnFirstContact, Instant registeredAt,
      String registeredBy, String processInstanceId, String status, String category,
      Boolean complaintValid, String remedy, boolean important, boolean overdue,
      boolean closedLate, int round, Instant closedAt, Instant retainUntil, Outcome outcome,
      Goods goods, boolean secondComplaint) {

    /**
     * The same case with the responsible unit and person the GM office decided (SPEC §1.10),
     * as the monthly review counts it.
     */
    public Entry withResponsible(String unit, String person) {
      return new Entry(number, complaintType, channel, customerName, customerPhone, customerEmail,
          customerAddress, customerRegion, subject, description, orderNumber, productBatch,
          shippedOn, claimedAmount, resolvedOnFirstContact, registeredAt, registeredBy,
          processInstanceId, status, category, complaintValid, remedy, important, overdue,
          closedLate, round, closedAt, retainUntil, new Outcome(unit, person,
              outcome.compensationAmount(), outcome.satisfactionAttitude(),
              outcome.satisfactionSkill(), outcome.satisfactionTimeliness(),
              outcome.satisfactionPromise(), outcome.severe(), outcome.humanNegligence(),
              outcome.improvementTracking()), goods, secondComplaint);
    }
  }

  /**
   * What the monthly review counts of a closed case (SPEC §1.10): the responsible department
   * and person, the discount or compensation granted, the customer's four satisfaction ratings,
   * and what the penalty standard reads: whether the case was severe and whether the
   * investigation found human negligence (null: not recorded, before these were kept).
   */
  public record Outcome(String responsibleDepartment, String responsiblePerson,
      BigDecimal compensationAmount, String satisfactionAttitude, String satisfactionSkill,
      String satisfactionTimeliness, String satisfactionPromise, Boolean severe,
      Boolean humanNegligence, Boolean improvementTracking) {}

  /**
   * The goods as the customer reported them (SPEC §1.3): the quantity and the defective
   * quantity, or that they are not yet known; the demand; whether a sample was received. Null
   * where a case registered before did not ask.
   */
  public record Goods(Integer quantity, Integer defectiveQuantity, Boolean quantityUnknown,
      String customerDemand, Boolean sampleReceived) {}

  /** Register filters; null means any. */
  public record Filter(String status, String category, String complaintType, Boolean overdue,
      LocalDate registeredFrom, LocalDate registeredTo) {}

  private static final RowMapper<Entry> ENTRY = ComplaintRegister::entry;

  private final NamedParameterJdbcTemplate jdbc;

  public ComplaintRegister(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void insert(String number, CaseNumber serial, ComplaintRequest request,
      Instant registeredAt, String registeredBy) {
    jdbc.update("""
        INSERT INTO complaint (number, period, serial, complaint_type, channel, customer_name,
          customer_phone, customer_email, customer_address, customer_region, subject, description,
          order_number, product_batch, shipped_on, claimed_amount, resolved_on_first_contact,
          registered_at, registered_by, status, quantity, defective_quantity, quantity_unknown,
          customer_demand, sample_received)
        VALUES (:number, :period, :serial, :type, :channel, :name, :phone, :email, :address, :region,
          :subject, :description, :orderNumber, :batch, :shippedOn, :amount, :onFirstContact,
          :registeredAt, :registeredBy, 'OPEN', :quantity, :defective, :quantityUnknown,
          :demand, :sample)""",
        new MapSqlParameterSource()
            .addValue("number", number).addValue("period", serial.period())
            .addValue("serial", serial.serial()).addValue("type", request.type().name())
            .addValue("channel", request.channel().name())
            .addValue("name", request.customer().name())
            .addValue("phone", request.customer().phone())
            .addValue("email", request.customer().email())
            .addValue("address", request.customer().address())
            .addValue("region", request.customer().region().name())
            .addValue("subject", request.subject()).addValue("description", request.description())
            .addValue("orderNumber", request.orderNumber())
            .addValue("batch", request.productBatch()).addValue("shippedOn", request.shippedOn())
            .addValue("amount", request.claimedAmount())
            .addValue("onFirstContact", request.isResolvedOnFirstContact())
            .addValue("registeredAt", Timestamp.from(registeredAt))
            .addValue("registeredBy", registeredBy)
            .addValue("quantity", request.quantity())
            .addValue("defective", request.defectiveQuantity())
            .addValue("quantityUnknown", request.isQuantityUnknown())
            .addValue("demand", request.customerDemand() == null ? null
                : request.customerDemand().name())
            .addValue("sample", Boolean.TRUE.equals(request.sampleReceived())));
  }

  void attachProcess(String number, String processInstanceId) {
    update("UPDATE complaint SET process_instance_id = :value WHERE number = :number", number,
        processInstanceId);
  }

  public Optional<Entry> find(String number) {
    return jdbc.query("SELECT * FROM complaint WHERE number = :number",
        new MapSqlParameterSource("number", number), ENTRY).stream().findFirst();
  }

  /** A page of the register, newest first, and how many entries match in all. */
  public Page<Entry> search(Filter filter, int page, int size) {
    return RegisterQuery.of("complaint")
        .equal("status", filter.status())
        .equal("category", filter.category())
        .equal("complaint_type", filter.complaintType())
        .equal("overdue", filter.overdue())
        .between("registered_at", filter.registeredFrom(), filter.registeredTo())
        .page(jdbc, "registered_at", ENTRY, page, size);
  }

  /** Triage decided (SPEC §1.4): justified or not, category, importance. */
  public void recordTriage(String number, Boolean complaintValid, String category,
      boolean important) {
    jdbc.update("UPDATE complaint SET complaint_valid = :valid, category = :category, "
            + "important = :important WHERE number = :number",
        new MapSqlParameterSource("number", number).addValue("valid", complaintValid)
            .addValue("category", category).addValue("important", important));
  }

  /**
   * The resolution deadline of a round passed before the case was resolved (SPEC §1.7); the
   * mark stays through later rounds.
   */
  public void markOverdue(String number) {
    update("UPDATE complaint SET overdue = :value WHERE number = :number", number, true);
  }

  /** The closing limit passed before the customer accepted a conclusion (SPEC §1.7). */
  public void markClosedLate(String number) {
    update("UPDATE complaint SET closed_late = :value WHERE number = :number", number, true);
  }

  /** The customer did not accept: a new handling round (SPEC §1.8). */
  public void recordRound(String number, int round) {
    update("UPDATE complaint SET handling_round = :value WHERE number = :number", number, round);
  }

  /** The case is closed (SPEC §1.9); {@code retainUntil} null keeps it without end. */
  public void close(String number, Instant closedAt, Instant retainUntil, String remedy) {
    jdbc.update("UPDATE complaint SET status = 'CLOSED', closed_at = :closedAt, "
            + "retain_until = :retainUntil, remedy = :remedy WHERE number = :number",
        new MapSqlParameterSource("number", number)
            .addValue("closedAt", Timestamp.from(closedAt))
            .addValue("retainUntil", retainUntil == null ? null : Timestamp.from(retainUntil))
            .addValue("remedy", remedy));
  }

  /**
   * The latest other complaint about the same order registered or closed since {@code since}
   * (SPEC §1.8: a customer who complains again about the same order within the policy's days),
   * if any.
   */
  public Optional<String> earlierComplaintAboutTheOrder(String orderNumber, String number,
      Instant since) {
    return jdbc.queryForList("""
        SELECT number FROM complaint WHERE order_number = :order AND number <> :number
          AND complaint_type = 'COMPLAINT'
          AND (registered_at >= :since OR closed_at >= :since)
        ORDER BY registered_at DESC, number DESC""",
        new MapSqlParameterSource("order", orderNumber).addValue("number", number)
            .addValue("since", Timestamp.from(since)), String.class).stream().findFirst();
  }

  /**
   * Marks a complaint as a second complaint (二次投诉, SPEC §1.8): about the same order as
   * {@code earlier}, or (with itself as {@code earlier}) handled again after the customer
   * rejected the result.
   */
  public void markSecondComplaint(String number, String earlier) {
    jdbc.update("UPDATE complaint SET second_complaint = TRUE, earlier_complaint = :earlier "
        + "WHERE number = :number", new MapSqlParameterSource("number", number)
            .addValue("earlier", earlier));
  }

  /** Records what the monthly review counts of a case, as it closes. */
  public void recordOutcome(String number, Outcome outcome) {
    jdbc.update("""
        UPDATE complaint SET responsible_department = :department,
          responsible_person = :person, compensation_amount = :amount,
          satisfaction_attitude = :attitude, satisfaction_skill = :skill,
          satisfaction_timeliness = :timeliness, satisfaction_promise = :promise,
          severe = :severe, human_negligence = :negligence,
          improvement_tracking = :tracking
        WHERE number = :number""",
        new MapSqlParameterSource("number", number)
            .addValue("department", outcome.responsibleDepartment())
            .addValue("person", outcome.responsiblePerson())
            .addValue("amount", outcome.compensationAmount())
            .addValue("attitude", outcome.satisfactionAttitude())
            .addValue("skill", outcome.satisfactionSkill())
            .addValue("timeliness", outcome.satisfactionTimeliness())
            .addValue("promise", outcome.satisfactionPromise())
            .addValue("severe", outcome.severe())
            .addValue("negligence", outcome.humanNegligence())
            .addValue("tracking", outcome.improvementTracking()));
  }

  /** The cases closed from {@code from} (inclusive) to {@code to} (exclusive), oldest first. */
  public List<Entry> closedBetween(Instant from, Instant to) {
    return jdbc.query("SELECT * FROM complaint WHERE closed_at >= :from AND closed_at < :to "
            + "ORDER BY closed_at, number",
        new MapSqlParameterSource("from", Timestamp.from(from)).addValue("to", Timestamp.from(to)),
        ENTRY);
  }

  /**
   * Of the cases of type COMPLAINT closed from {@code from} (inclusive) to {@code to}
   * (exclusive): how many, and how many of them were not overdue (the on-time trend of the
   * monthly review). Counted in the database, from the index on closed_at alone.
   */
  public long[] closedComplaintsAndOnTime(Instant from, Instant to) {
    return jdbc.queryForObject("SELECT COUNT(*), "
            + "COALESCE(SUM(CASE WHEN overdue THEN 0 ELSE 1 END), 0) FROM complaint "
            + "WHERE closed_at >= :from AND closed_at < :to AND complaint_type = 'COMPLAINT'",
        new MapSqlParameterSource("from", Timestamp.from(from)).addValue("to", Timestamp.from(to)),
        (row, index) -> new long[] {row.getLong(1), row.getLong(2)});
  }

  /** When the latest case closed, up to {@code now}; empty when none has. */
  public Optional<Instant> latestClosing(Instant now) {
    Timestamp latest = jdbc.queryForObject("SELECT MAX(closed_at) FROM complaint "
        + "WHERE closed_at <= :now", new MapSqlParameterSource("now", Timestamp.from(now)),
        Timestamp.class);
    return Optional.ofNullable(latest).map(Timestamp::toInstant);
  }

  private void update(String sql, String number, Object value) {
    jdbc.update(sql, new MapSqlParameterSource("number", number).addValue("value", value));
  }

  private static Entry entry(ResultSet row, int index) throws SQLException {
    return new Entry(row.getString("number"), row.getString("complaint_type"),
        row.getString("channel"), row.getString("customer_name"), row.getString("customer_phone"),
        row.getString("customer_email"), row.getString("customer_address"),
        row.getString("customer_region"),
        row.getString("subject"), row.getString("description"), row.getString("order_number"),
        row.getString("product_batch"), row.getObject("shipped_on", LocalDate.class),
        row.getBigDecimal("claimed_amount"), row.getBoolean("resolved_on_first_contact"),
        instant(row, "registered_at"), row.getString("registered_by"),
        row.getString("process_instance_id"), row.getString("status"), row.getString("category"),
        (Boolean) row.getObject("complaint_valid"), row.getString("remedy"),
        row.getBoolean("important"), row.getBoolean("overdue"), row.getBoolean("closed_late"),
        row.getInt("handling_round"),
        instant(row, "closed_at"), instant(row, "retain_until"),
        new Outcome(row.getString("responsible_department"), row.getString("responsible_person"),
            row.getBigDecimal("compensation_amount"), row.getString("satisfaction_attitude"),
            row.getString("satisfaction_skill"), row.getString("satisfaction_timeliness"),
            row.getString("satisfaction_promise"), (Boolean) row.getObject("severe"),
            (Boolean) row.getObject("human_negligence"),
            (Boolean) row.getObject("improvement_tracking")),
        new Goods((Integer) row.getObject("quantity", Integer.class),
            (Integer) row.getObject("defective_quantity", Integer.class),
            (Boolean) row.getObject("quantity_unknown"), row.getString("customer_demand"),
            (Boolean) row.getObject("sample_received")),
        row.getInt("handling_round") > 1 || row.getBoolean("second_complaint"));
  }

  private static Instant instant(ResultSet row, String column) throws SQLException {
    Timestamp value = row.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }
}
