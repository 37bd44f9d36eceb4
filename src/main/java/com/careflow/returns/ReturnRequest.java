package com.careflow.returns;

import com.careflow.customer.Customer;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * {@code POST /api/returns} (SPEC §2.1): a return that sales takes directly from a customer.
 *
 * @param shippedOn the outbound date of the goods; quality confirms it against the outbound
 *     record, and the days since shipment are counted from it
 * @param claimedOn the day the customer made the claim; today when not given
 * @param claimedQuantity how many units the customer wants to send back
 * @param handling what the customer asks for, if anything yet; sales decides on the form
 * @param overAcceptanceRatio the over-acceptance ratio the customer's order states (超量允收比率),
 *     e.g. 0.1 for 10%; the company default applies when not given
 */
public record ReturnRequest(
    @NotNull @Valid Customer customer,
    @NotBlank @Size(max = 100) String orderNumber,
    @Size(max = 100) String productBatch,
    @NotNull @PastOrPresent LocalDate shippedOn,
    @PastOrPresent LocalDate claimedOn,
    @NotBlank @Size(max = 4000) String description,
    @NotNull @Positive @Max(1_000_000) Integer claimedQuantity,
    Handling handling,
    @DecimalMin("0") @DecimalMax("1") @Digits(integer = 1, fraction = 4)
        BigDecimal overAcceptanceRatio) {

  /**
   * SPEC §2.3, §2.7, §1.6: the goods come back, are reprocessed or exchanged for replacement
   * goods, or money settles it instead.
   */
  public enum Handling { RETURN, REPROCESS, EXCHANGE, DISCOUNT, COMPENSATION }
}
