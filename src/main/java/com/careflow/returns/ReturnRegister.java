package com.careflow.returns;

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
 * The returns register (成品退货单 and its booking, SPEC §2): what was claimed, what quality
 * found and the decision, what was approved, received, proven and booked. {@code RegisterReturn}
 * writes the row; the process keeps it current through {@code RecordReturn}, in the engine's
 * transaction.
 */
@Component
public class ReturnRegister {

  /** A return as it was claimed. */
  public record Claim(String complaintNumber, String customerName, String customerPhone,
      String customerEmail, String customerAddress, String customerRegion, String orderNumber, String productBatch,
      LocalDate shippedOn, LocalDate claimedOn, String description, Integer claimedQuantity,
      BigDecimal overAcceptanceRatio, String requestedBy) {}

  /**
   * How a return stands: what was decided, approved, received, proven, replaced (an exchange)
   * and booked so far.
   */
  public record Progress(String defectType, Boolean claimFactual, Boolean storageFault,
      LocalDate shippedOn, Integer daysSinceShipment, String decision, String handling,
      Integer approvedQuantity, BigDecimal unitPrice, Integer receivedQuantity,
      String returnProof, String proofReference, Integer bookedQuantity,
      Integer replacementQuantity, String dispatchNumber, BigDecimal settlementAmount,
      String voucherNumber) {}

  /**
   * A row of the register, with the status of its complaint (OPEN or CLOSED) as the complaint
   * register has it now; null for a return sales took directly.
   */
  public record Entry(String number, Claim claim, Instant requestedAt, String processInstanceId,
      String status, Progress progress, Instant closedAt, String complaintStatus) {}

  /** Register filters; null means any. */
  public record Filter(String status, String decision, String handling, String complaintNumber,
      LocalDate requestedFrom, LocalDate requestedTo) {}

  private static final RowMapper<Entry> ENTRY = ReturnRegister::entry;

  /**
   * The register as it is read: each return with its complaint's status from the complaint
   * register (SPEC §2.8: each side shows the other's number and status). Columns keep their
   * names, so filters read as on the table.
   */
  private static final String REGISTER = "(SELECT r.*, c.status AS complaint_status "
      + "FROM product_return r LEFT JOIN complaint c ON c.number = r.complaint_number) "
      + "return_register";

  private final NamedParameterJdbcTemplate jdbc;

  public ReturnRegister(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void insert(CaseNumber number, Claim claim, Instant requestedAt, String processInstanceId) {
    jdbc.update("""
        INSERT INTO product_return (number, period, serial, complaint_number, customer_name,
          customer_phone, customer_email, customer_address, customer_region, order_number,
          product_batch, shipped_on, claimed_on, description, claimed_quantity,
          over_acceptance_ratio, requested_at, requested_by, process_instance_id, status)
        VALUES (:number, :period, :serial, :complaintNumber, :name, :phone, :email, :address,
          :region,
          :orderNumber, :batch, :shippedOn, :claimedOn, :description, :quantity, :ratio,
          :requestedAt, :requestedBy, :processInstanceId, 'OPEN')""",
        new MapSqlParameterSource()
            .addValue("number", number.toString()).addValue("period", number.period())
            .addValue("serial", number.serial())
            .addValue("complaintNumber", claim.complaintNumber())
            .addValue("name", claim.customerName()).addValue("phone", claim.customerPhone())
            .addValue("email", claim.customerEmail())
            .addValue("address", claim.customerAddress())
            .addValue("region", claim.customerRegion())
            .addValue("orderNumber", claim.orderNumber()).addValue("batch", claim.productBatch())
            .addValue("shippedOn", claim.shippedOn()).addValue("claimedOn", claim.claimedOn())
            .addValue("description", claim.description())
            .addValue("quantity", claim.claimedQuantity())
            .addValue("ratio", claim.overAcceptanceRatio())
            .addValue("requestedAt", Timestamp.from(requestedAt))
            .addValue("requestedBy", claim.requestedBy())
            .addValue("processInstanceId", processInstanceId));
  }

  /** Records how the return stands now. */
  void record(String number, Progress progress) {
    jdbc.update("""
        UPDATE product_return SET defect_type = :defectType, claim_factual = :claimFactual,
          storage_fault = :storageFault, shipped_on = COALESCE(:shippedOn, shipped_on),
          days_since_shipment = :days, decision = :decision, handling = :handling,
          approved_quantity = :approved, unit_price = :unitPrice, received_quantity = :received,
          return_proof = :proof, proof_reference = :proofReference, booked_quantity = :booked,
          replacement_quantity = :replaced, dispatch_number = :dispatch,
          settlement_amount = :amount, voucher_number = :voucher
        WHERE number = :number""", progress(number, progress));
  }

  /** Closes the return, REJECTED or SETTLED, with how it stands. */
  void close(String number, Progress progress, String status, Instant closedAt) {
    record(number, progress);
    jdbc.update("UPDATE product_return SET status = :status, closed_at = :closedAt "
            + "WHERE number = :number",
        new MapSqlParameterSource("number", number).addValue("status", status)
            .addValue("closedAt", Timestamp.from(closedAt)));
  }

  public Optional<Entry> find(String number) {
    return jdbc.query("SELECT * FROM " + REGISTER + " WHERE number = :number",
        new MapSqlParameterSource("number", number), ENTRY).stream().findFirst();
  }

  /** The returns closed from {@code from} (inclusive) to {@code to} (exclusive). */
  public List<Entry> closedBetween(Instant from, Instant to) {
    return jdbc.query("SELECT * FROM " + REGISTER
            + " WHERE closed_at >= :from AND closed_at < :to "
            + "ORDER BY closed_at, number",
        new MapSqlParameterSource("from", Timestamp.from(from)).addValue("to", Timestamp.from(to)),
        ENTRY);
  }

  /** The returns started for a complaint, oldest first (SPEC §2.8: each side shows the other). */
  public List<Entry> ofComplaint(String complaintNumber) {
    return jdbc.query("SELECT * FROM " + REGISTER + " WHERE complaint_number = :complaint "
        + "ORDER BY requested_at, number", new MapSqlParameterSource("complaint", complaintNumber),
        ENTRY);
  }

  /** The returns started for these complaints, oldest first, read at once. */
  public List<Entry> ofComplaints(java.util.Collection<String> complaintNumbers) {
    List<String> numbers = List.copyOf(complaintNumbers);
    List<Entry> found = new java.util.ArrayList<>();
    for (int from = 0; from < numbers.size(); from += 500) {
      found.addAll(jdbc.query("SELECT * FROM " + REGISTER + " WHERE complaint_number IN "
          + "(:complaints) ORDER BY requested_at, number", new MapSqlParameterSource("complaints",
              numbers.subList(from, Math.min(from + 500, numbers.size()))), ENTRY));
    }
    return found;
  }

  /** A page of the register, newest first, and how many returns match in all. */
  public Page<Entry> search(Filter filter, int page, int size) {
    return RegisterQuery.of(REGISTER)
        .equal("status", filter.status())
        .equal("decision", filter.decision())
        .equal("handling", filter.handling())
        .equal("complaint_number", filter.complaintNumber())
        .between("requested_at", filter.requestedFrom(), filter.requestedTo())
        .page(jdbc, "requested_at", ENTRY, page, size);
  }

  private static MapSqlParameterSource progress(String number, Progress progress) {
    return new MapSqlParameterSource("number", number)
        .addValue("defectType", progress.defectType())
        .addValue("claimFactual", progress.claimFactual())
        .addValue("storageFault", progress.storageFault())
        .addValue("shippedOn", progress.shippedOn())
        .addValue("days", progress.daysSinceShipment())
        .addValue("decision", progress.decision())
        .addValue("handling", progress.handling())
        .addValue("approved", progress.approvedQuantity())
        .addValue("unitPrice", progress.unitPrice())
        .addValue("received", progress.receivedQuantity())
        .addValue("proof", progress.returnProof())
        .addValue("proofReference", progress.proofReference())
        .addValue("booked", progress.bookedQuantity())
        .addValue("replaced", progress.replacementQuantity())
        .addValue("dispatch", progress.dispatchNumber())
        .addValue("amount", progress.settlementAmount())
        .addValue("voucher", progress.voucherNumber());
  }

  private static Entry entry(ResultSet row, int index) throws SQLException {
    Claim claim = new Claim(row.getString("complaint_number"), row.getString("customer_name"),
        row.getString("customer_phone"), row.getString("customer_email"),
        row.getString("customer_address"),
        row.getString("customer_region"), row.getString("order_number"),
        row.getString("product_batch"), row.getObject("shipped_on", LocalDate.class),
        row.getObject("claimed_on", LocalDate.class), row.getString("description"),
        row.getObject("claimed_quantity", Integer.class),
        row.getBigDecimal("over_acceptance_ratio"), row.getString("requested_by"));
    Progress progress = new Progress(row.getString("defect_type"),
        row.getObject("claim_factual", Boolean.class), row.getObject("storage_fault", Boolean.class),
        row.getObject("shipped_on", LocalDate.class),
        row.getObject("days_since_shipment", Integer.class), row.getString("decision"),
        row.getString("handling"), row.getObject("approved_quantity", Integer.class),
        row.getBigDecimal("unit_price"), row.getObject("received_quantity", Integer.class),
        row.getString("return_proof"), row.getString("proof_reference"),
        row.getObject("booked_quantity", Integer.class),
        row.getObject("replacement_quantity", Integer.class), row.getString("dispatch_number"),
        row.getBigDecimal("settlement_amount"), row.getString("voucher_number"));
    return new Entry(row.getString("number"), claim, instant(row, "requested_at"),
        row.getString("process_instance_id"), row.getString("status"), progress,
        instant(row, "closed_at"), row.getString("complaint_status"));
  }

  private static Instant instant(ResultSet row, String column) throws SQLException {
    Timestamp value = row.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }
}
