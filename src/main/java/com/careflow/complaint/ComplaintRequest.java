package com.careflow.complaint;

import com.careflow.customer.Customer;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.PositiveOrZero;
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
    Boolean resolvedOnFirstContact,
    @PositiveOrZero @Max(1_000_000_000) Integer quantity,
    @PositiveOrZero @Max(1_000_000_000) Integer defectiveQuantity,
    Boolean quantityUnknown,
    CustomerDemand customerDemand,
    Boolean sampleReceived) {

  /**
   * The contact without the goods' details (SPEC §1.3), as before they were asked: quantity,
   * defective quantity, whether they are not yet known, the demand, the sample.
   */
  public ComplaintRequest(Channel channel, ComplaintType type, Customer customer, String subject,
      String description, String orderNumber, String productBatch, LocalDate shippedOn,
      BigDecimal claimedAmount, Boolean resolvedOnFirstContact) {
    this(channel, type, customer, subject, description, orderNumber, productBatch, shippedOn,
        claimedAmount, resolvedOnFirstContact, null, null, null, null, null);
  }

  /** SPEC §1.3 (003 篇四 第二條): what the customer asks for. */
  public enum CustomerDemand { DISCOUNT, RETURN, EXCHANGE, COMPENSATION, CRITICISM }

  /** SPEC §1.1. */
  public enum Channel { PHONE, WRITTEN, IN_PERSON, FORWARDED, ONLINE }

  /** SPEC §1.2. */
  public enum ComplaintType { CONSULTATION, SUGGESTION, COMPLAINT }

  /** SPEC §1.3: "not yet known, the customer is still processing" (客户加工中未确定). */
  public boolean isQuantityUnknown() {
    return Boolean.TRUE.equals(quantityUnknown);
  }

  public boolean isResolvedOnFirstContact() {
    return Boolean.TRUE.equals(resolvedOnFirstContact);
  }
}
