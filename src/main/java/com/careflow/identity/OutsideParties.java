package com.careflow.identity;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The outside parties a complaint can be charged to (SPEC §1.4, §1.10; seed 003 篇五 九(十二):
 * 涉及其他公司、原物料供应商): suppliers, carriers and other companies the company deals with,
 * from {@code careflow.responsibility.outside-parties}. The GM office chooses one of them, never
 * types a name, when a case's responsibility lies outside the company.
 *
 * @param outsideParties each with an id (what a decision records), its name, and its kind
 */
@Validated
@ConfigurationProperties("careflow.responsibility")
public record OutsideParties(@NotNull @DefaultValue({}) List<@Valid Party> outsideParties) {

  /** What kind of outside party: a supplier of raw materials, a carrier, another company. */
  public enum Kind { SUPPLIER, CARRIER, OTHER }

  /** An outside party, e.g. {@code carrier-shunfeng}, 顺丰速运, CARRIER. */
  public record Party(@NotBlank String id, @NotBlank String name, @NotNull Kind kind) {}

  public Optional<Party> byId(String id) {
    return outsideParties.stream().filter(party -> party.id().equals(id)).findFirst();
  }
}
