package com.careflow.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.careflow.CareFlowApplication;
import com.careflow.support.OwnApplication;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;

@ExtendWith(OutputCaptureExtension.class)
@Tag(OwnApplication.TAG)
class StartupChecksTest {

  /** A port nothing listens on: connection refused at once. */
  private static final String UNREACHABLE = "jdbc:postgresql://127.0.0.1:9/careflow";

  @Test
  void theDemoNeedsNoAdminSecretNorDatabaseCheck() {
    MockEnvironment demo = new MockEnvironment();
    demo.setDefaultProfiles("demo");
    assertThatNoException().isThrownBy(() -> StartupChecks.check(demo));
  }

  @Test
  void anUnknownProfileIsRefused() {
    MockEnvironment environment = production();
    environment.setActiveProfiles("postgress");
    assertThatThrownBy(() -> StartupChecks.check(environment))
        .isInstanceOf(StartupConfigurationException.class)
        .hasMessageStartingWith("Unknown profile [postgress]");
  }

  @Test
  void demoTogetherWithPostgresIsRefused() {
    MockEnvironment environment = production();
    environment.setActiveProfiles("postgres", "demo");
    assertThatThrownBy(() -> StartupChecks.check(environment))
        .hasMessageContaining("'demo' profile cannot run with 'postgres'");
  }

  @Test
  void productionWithoutAnAdminPasswordIsRefused() {
    MockEnvironment environment = production();
    environment.setProperty("camunda.bpm.admin-user.password", "");
    assertThatThrownBy(() -> StartupChecks.check(environment))
        .isInstanceOf(StartupConfigurationException.class)
        .hasMessageStartingWith("No administrator password given")
        .extracting(e -> ((StartupConfigurationException) e).action()).asString()
        .contains("CAMUNDA_BPM_ADMINUSER_PASSWORD");
  }

  @Test
  void productionWithTheAdminIdAsPasswordIsRefused() {
    MockEnvironment environment = production();
    environment.setProperty("camunda.bpm.admin-user.password", "admin");
    assertThatThrownBy(() -> StartupChecks.check(environment))
        .hasMessageContaining("password equals the user id 'admin'");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"demo", "also-change-me", "Admin2026!xyz", "Camunda12345678",
      "aaaaaaaaaaaaaaaa", "short-pw-9"})
  void productionWithAWeakAdminPasswordIsRefused(String weak) {
    MockEnvironment environment = production();
    environment.setProperty("camunda.bpm.admin-user.password", weak);
    assertThatThrownBy(() -> StartupChecks.check(environment))
        .isInstanceOf(StartupConfigurationException.class)
        .hasMessageStartingWith("The administrator password is too weak for production");
  }

  @Test
  void aLongPasswordOfItsOwnIsAccepted() {
    assertThat(StartupChecks.weakness("admin", "Prod-4711-kestrel-xyz")).isNull();
    assertThat(StartupChecks.weakness("admin", "correct horse battery staple")).isNull();
  }

  @Test
  void productionWithEmailNoticesButNoMailServerIsRefused() {
    MockEnvironment environment = production();
    environment.setProperty("spring.mail.host", "");
    assertThatThrownBy(() -> StartupChecks.check(environment))
        .isInstanceOf(StartupConfigurationException.class)
        .hasMessageStartingWith("E-mail notices are on")
        .extracting(e -> ((StartupConfigurationException) e).action()).asString()
        .contains("SPRING_MAIL_HOST", "CAREFLOW_NOTIFY_EMAIL_ENABLED=false");
  }

  @Test
  void productionWithSmsNoticesButNoGatewayIsRefused() {
    MockEnvironment environment = production();
    environment.setProperty("careflow.notify.sms.enabled", "true");
    assertThatThrownBy(() -> StartupChecks.check(environment))
        .hasMessageStartingWith("SMS notices are on");
    environment.setProperty("careflow.notify.sms.gateway-url", "https://sms.careflow.invalid/send");
    assertThatThrownBy(() -> StartupChecks.check(environment))
        .as("with its gateway, the next check (the database) speaks")
        .hasMessageStartingWith("Cannot connect to the database");
  }

  @Test
  void productionWithoutEmailNeedsNoMailServer() {
    MockEnvironment environment = production();
    environment.setProperty("spring.mail.host", "");
    environment.setProperty("careflow.notify.email.enabled", "false");
    assertThatThrownBy(() -> StartupChecks.check(environment))
        .hasMessageStartingWith("Cannot connect to the database");
  }

  @Test
  void productionWithoutADatabaseIsRefused() {
    MockEnvironment environment = production();
    environment.setProperty("spring.datasource.url", "");
    assertThatThrownBy(() -> StartupChecks.check(environment))
        .hasMessage("No database configured for production.");
  }

  @Test
  void productionWithAnUnreachableDatabaseIsRefused() {
    assertThatThrownBy(() -> StartupChecks.check(production()))
        .isInstanceOf(StartupConfigurationException.class)
        .hasMessageStartingWith("Cannot connect to the database " + UNREACHABLE + " as 'careflow'");
  }

  @Test
  void theApplicationStopsOnAnUnknownProfileWithOneClearMessage(CapturedOutput output) {
    assertThatThrownBy(() -> SpringApplication.run(CareFlowApplication.class,
        "--spring.profiles.active=postgress", "--server.port=0"))
        .isNotNull();
    assertThat(output.getOut()).contains("APPLICATION FAILED TO START")
        .contains("Unknown profile [postgress]")
        .contains("SPRING_PROFILES_ACTIVE=postgres");
    assertThat(output.getAll()).doesNotContain("\tat com.careflow", "\tat org.springframework");
  }

  @Test
  void theApplicationStopsOnAnUnreachableDatabaseWithOneClearMessage(CapturedOutput output) {
    assertThatThrownBy(() -> SpringApplication.run(CareFlowApplication.class,
        "--spring.profiles.active=postgres", "--server.port=0",
        "--spring.datasource.url=" + UNREACHABLE, "--spring.datasource.username=careflow",
        "--camunda.bpm.admin-user.password=Prod-4711-kestrel-xyz"))
        .isNotNull();
    assertThat(output.getOut()).contains("APPLICATION FAILED TO START")
        .contains("Cannot connect to the database " + UNREACHABLE)
        .contains("Check that the database is running");
    assertThat(output.getAll()).doesNotContain("\tat com.careflow", "\tat org.springframework");
  }

  @Test
  void theApplicationStopsWithoutAnAdminPasswordInProduction(CapturedOutput output) {
    assertThatThrownBy(() -> SpringApplication.run(CareFlowApplication.class,
        "--spring.profiles.active=postgres", "--server.port=0",
        "--spring.datasource.url=" + UNREACHABLE))
        .isNotNull();
    assertThat(output.getOut()).contains("No administrator password given");
    assertThat(output.getAll()).doesNotContain("\tat com.careflow", "\tat org.springframework");
  }

  /** The postgres profile with an admin secret and an unreachable database. */
  private static MockEnvironment production() {
    MockEnvironment environment = new MockEnvironment();
    environment.setActiveProfiles("postgres");
    environment.setProperty("camunda.bpm.admin-user.id", "admin");
    environment.setProperty("camunda.bpm.admin-user.password", "Prod-4711-kestrel-xyz");
    environment.setProperty("spring.datasource.url", UNREACHABLE);
    environment.setProperty("spring.datasource.username", "careflow");
    environment.setProperty("spring.mail.host", "smtp.careflow.invalid");
    return environment;
  }
}
