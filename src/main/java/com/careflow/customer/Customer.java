package com.careflow.customer;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The customer a complaint or a return is about (SPEC §1.3, §6), with the same rules wherever
 * it is taken. The e-mail address is optional: with it, notices go by e-mail too (issue 19).
 */
public record Customer(
    @NotBlank @Size(max = 200) String name,
    @NotBlank @Pattern(regexp = "\\+?[0-9][0-9 -]{5,30}",
        message = "must be a phone number (digits, spaces, dashes, optional +)") String phone,
    @Size(max = 254) @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+",
        message = "must be an e-mail address") String email,
    @Size(max = 500) String address,
    @NotNull Region region) {

  /** The customer as someone who may not read personal data sees them (SPEC §7.3): the region. */
  public Customer withheld() {
    return new Customer(null, null, null, null, region);
  }

  /** SPEC §6: where the customer is. */
  public enum Region { DOMESTIC, FOREIGN }
}
