package com.careflow.complaint;

import com.careflow.customer.Customer;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/** {@code POST /api/complaints} (SPEC §6): a contact from a customer, as the agent took it. */
public record ComplaintRequest(
    @NotNull Channel channel,
    @NotNull ComplaintType type,
    @NotNull @Valid Customer customer,
    @NotBlank @Size(max = 200) String subject,
    @NotBlank @Size(max = 4000) String description,
    @Size(max = 100) String orderNumber,
    @Size(max = 100) String productBatch,
    @PastOrPresent LocalDate shippedOn,
    @DecimalMin("0") @Digits(integer = 10, fraction = 2) BigDecimal claimedAmount,
    Boolean resolvedOnFirstContact) {

  /** SPEC §1.1. */
  public enum Channel { PHONE, WRITTEN, IN_PERSON, FORWARDED, ONLINE }

  /** SPEC §1.2. */
  public enum ComplaintType { CONSULTATION, SUGGESTION, COMPLAINT }

  public boolean isResolvedOnFirstContact() {
    return Boolean.TRUE.equals(resolvedOnFirstContact);
  }
}
