package com.careflow.complaint;

import java.time.Instant;

/**
 * A line of the register ({@code GET /api/complaints}); the customer's name only for those who
 * may read it (SPEC §7.3).
 */
public record ComplaintSummary(String number, String type, String channel, String customerName,
    String subject, Instant registeredAt, String status, String category, boolean overdue,
    int round, Instant closedAt) {

  static ComplaintSummary of(ComplaintRegister.Entry entry, boolean showCustomer) {
    return new ComplaintSummary(entry.number(), entry.complaintType(), entry.channel(),
        showCustomer ? entry.customerName() : null, entry.subject(), entry.registeredAt(), entry.status(),
        entry.category(), entry.overdue(), entry.round(), entry.closedAt());
  }
}
