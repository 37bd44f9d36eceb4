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
 * The company's departments as Camunda groups (SPEC §5), from {@code careflow.identity.*}.
 * Group ids are part of the contract: models name them as candidate groups.
 *
 * <p>{@code initial-password} is the password of the Tasklist accounts onboarding creates
 * ({@link StaffAccounts}); left out, as in production, an administrator gives one in Admin.
 * Only the demo profile sets it.
 */
@Validated
@ConfigurationProperties("careflow.identity")
public record IdentityProperties(@NotEmpty List<@Valid StaffGroup> groups, String initialPassword) {

  /**
   * @param id the Camunda group id, e.g. {@code cs-agents}
   * @param name what Admin and Tasklist show
   * @param apps the web applications its members may open
   * @param starts the processes (keys) its members may start, e.g. from Tasklist's start forms
   */
  public record StaffGroup(
      @NotBlank String id, @NotBlank String name, @NotNull @DefaultValue({}) Set<WebApp> apps,
      @NotNull @DefaultValue({}) Set<String> starts) {}
}
