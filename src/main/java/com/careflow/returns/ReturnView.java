package com.careflow.returns;

import com.careflow.customer.Customer;
import com.careflow.returns.ReturnRegister.Entry;
import com.careflow.returns.ReturnRegister.Progress;
import com.careflow.web.OpenTasks.OpenTask;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * {@code GET /api/returns/{number}} and the lines of {@code GET /api/returns}: the claim, its
 * complaint's number and status (OPEN or CLOSED, from the complaint register; SPEC §2.8), how
 * the return stands (OPEN, REJECTED or SETTLED), what was decided, approved, received, proven,
 * replaced and booked, and, for one return, its open tasks.
 */
public record ReturnView(
    String number, String complaintNumber, String complaintStatus, String status,
    Customer customer,
    String orderNumber, String productBatch, LocalDate shippedOn, LocalDate claimedOn,
    String description, Integer claimedQuantity, BigDecimal overAcceptanceRatio,
    Instant requestedAt, String requestedBy, String processInstanceId, Eligibility eligibility,
    Settlement settlement, Instant closedAt, List<OpenTask> openTasks) {

  /** SPEC §2.2: what quality found and what the decision made of it. */
  public record Eligibility(String defectType, Boolean claimFactual, Boolean storageFault,
      Integer daysSinceShipment, String decision) {}

  /**
   * SPEC §2.3–§2.7, §1.6: the return form, the receipt, the proof, the replacement shipped for
   * an exchange, and the booking.
   */
  public record Settlement(String handling, Integer approvedQuantity, BigDecimal unitPrice,
      Integer receivedQuantity, String returnProof, String proofReference,
      Integer bookedQuantity, Integer replacementQuantity, String dispatchNumber,
      BigDecimal settlementAmount, String voucherNumber) {}

  /** The return as {@code customers} lets the reader see its customer (SPEC §7.3). */
  static ReturnView of(Entry entry, List<OpenTask> openTasks, UnaryOperator<Customer> customers) {
    ReturnRegister.Claim claim = entry.claim();
    Progress progress = entry.progress();
    return new ReturnView(entry.number(), claim.complaintNumber(), entry.complaintStatus(),
        entry.status(),
        customers.apply(new Customer(claim.customerName(), claim.customerPhone(),
            claim.customerEmail(), claim.customerAddress(), Customer.Region.valueOf(claim.customerRegion()))),
        claim.orderNumber(), claim.productBatch(), progress.shippedOn(), claim.claimedOn(),
        claim.description(), claim.claimedQuantity(), claim.overAcceptanceRatio(),
        entry.requestedAt(), claim.requestedBy(), entry.processInstanceId(),
        new Eligibility(progress.defectType(), progress.claimFactual(), progress.storageFault(),
            progress.daysSinceShipment(), progress.decision()),
        new Settlement(progress.handling(), progress.approvedQuantity(), progress.unitPrice(),
            progress.receivedQuantity(), progress.returnProof(), progress.proofReference(),
            progress.bookedQuantity(), progress.replacementQuantity(), progress.dispatchNumber(),
            progress.settlementAmount(), progress.voucherNumber()),
        entry.closedAt(), openTasks);
  }
}
