package com.careflow.identity;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Profile;
import org.springframework.validation.annotation.Validated;

/**
 * Demo users of the {@code demo} profile ({@code careflow.demo.*} in
 * {@code application-demo.yml}): one or more per department, all with the same password.
 */
@Validated
@Profile("demo")
@ConfigurationProperties("careflow.demo")
public record DemoProperties(@NotBlank String password, List<@Valid DemoUser> users) {

  public DemoProperties {
    users = users == null ? List.of() : users;
  }

  public record DemoUser(
      @NotBlank String id,
      @NotBlank String firstName,
      @NotBlank String lastName,
      @NotEmpty List<String> groups) {}
}
