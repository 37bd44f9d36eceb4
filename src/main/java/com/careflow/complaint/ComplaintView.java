package com.careflow.complaint;

import com.careflow.customer.Customer;
import com.careflow.web.OpenTasks.OpenTask;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/complaints/{number}}: the registered case, how it stands, its open tasks,
 * its deadlines, its outcome so far and the product returns it started; the goods as the
 * customer reported them (SPEC §1.3: quantity, defective quantity or not yet known, demand,
 * sample received), null for a case registered before they were asked; whether it is a second
 * complaint (二次投诉, SPEC §1.8: handled again, or about an order complained about lately).
 */
public record ComplaintView(
    String number, String type, String channel, Customer customer, String subject,
    String description, String orderNumber, String productBatch, LocalDate shippedOn,
    BigDecimal claimedAmount, Instant registeredAt, String registeredBy,
    String processInstanceId, String status, boolean overdue, boolean closedLate,
    boolean important, int round,
    String category, Boolean complaintValid, Instant closedAt, Instant retainUntil,
    Deadlines deadlines, List<OpenTask> openTasks, Map<String, Object> outcome,
    List<ReturnLink> returns, Integer quantity, Integer defectiveQuantity,
    Boolean quantityUnknown, String customerDemand, Boolean sampleReceived,
    boolean secondComplaint) {

  /**
   * A product return this complaint started (SPEC §2.8, §8.1): its number and how it stands,
   * from the returns register: the goods and the money go on there after the complaint closed.
   */
  public record ReturnLink(String number, String status, String handling, String decision) {}

  /**
   * {@code resolution}: the current round's resolution deadline, once the round began;
   * {@code closing}: the limit by which the case is to be closed (SPEC §1.7).
   */
  public record Deadlines(Instant resolution, Instant closing) {}
}
