package com.careflow.identity;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The company's departments and their Camunda groups (SPEC §5), from {@code careflow.identity.*}.
 * Group ids are part of the contract: models name them as candidate groups.
 *
 * <p>{@code personnel} are the groups that handle every department's personnel matters (SPEC
 * §7.2, §7.4: HR and the general managers); {@code departments} say who manages whom.
 *
 * <p>{@code initial-password} is the password of the Tasklist accounts onboarding creates
 * ({@link StaffAccounts}); left out, as in production, an administrator gives one in Admin.
 * Only the demo profile sets it.
 */
@Validated
@ConfigurationProperties("careflow.identity")
public record IdentityProperties(@NotEmpty List<@Valid StaffGroup> groups,
    @NotNull @DefaultValue({}) List<@Valid Department> departments,
    @NotNull @DefaultValue({}) Set<String> personnel,
    @NotNull @DefaultValue CustomerData customerData, String initialPassword) {

  /**
   * Who reads a customer's name, phone and address (SPEC §7.3): the {@code readers} groups on
   * every case, the {@code case-handlers} groups on the cases they work on; nobody else.
   */
  public record CustomerData(@NotNull @DefaultValue({}) Set<String> readers,
      @NotNull @DefaultValue({}) Set<String> caseHandlers) {}

  /**
   * @param id the Camunda group id, e.g. {@code cs-agents}
   * @param name what Admin and Tasklist show
   * @param apps the web applications its members may open
   * @param starts the processes (keys) its members may start, e.g. from Tasklist's start forms
   * @param watches what its members watch in Cockpit (only with the {@code cockpit} app)
   */
  public record StaffGroup(
      @NotBlank String id, @NotBlank String name, @NotNull @DefaultValue({}) Set<WebApp> apps,
      @NotNull @DefaultValue({}) Set<String> starts, @NotNull @DefaultValue Watch watches) {}

  /**
   * What a Cockpit group watches (SPEC §7.2, §7.3): the instances, history, tasks, incidents and
   * variables of these processes, and the evaluations of these decisions. Nothing else: a
   * process left out is invisible to the group in Cockpit and through {@code /engine-rest}.
   */
  public record Watch(@NotNull @DefaultValue({}) Set<String> processes,
      @NotNull @DefaultValue({}) Set<String> decisions) {}

  /**
   * A department of the company (SPEC §7.4): the groups its staff belong to, and the groups that
   * manage it. A manager group manages the department's people (reads their personnel files,
   * nominates them) and reassigns the department's tasks; HR and the general managers manage
   * every department.
   *
   * @param id what an employee record names as its department, e.g. {@code customer-service}
   */
  public record Department(@NotBlank String id, @NotBlank String name,
      @NotEmpty Set<String> groups, @NotNull @DefaultValue({}) Set<String> managers) {}
}
