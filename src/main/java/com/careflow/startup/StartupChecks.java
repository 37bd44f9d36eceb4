package com.careflow.startup;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.Ordered;
import org.springframework.core.PriorityOrdered;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Refuses to start on a configuration that would run CareFlow wrongly: an unknown profile, the
 * demo profile together with production, production without an admin password given by the
 * environment, a notice channel without its server, or a database that cannot be reached. Runs
 * before any bean is created; the {@link StartupFailureAnalyzer} prints the problem and its fix
 * without a stack trace.
 */
@Component
public class StartupChecks implements BeanFactoryPostProcessor, EnvironmentAware, PriorityOrdered {

  static final String DEMO = "demo";
  static final String POSTGRES = "postgres";
  static final Set<String> PROFILES = Set.of(DEMO, POSTGRES);
  private static final int DATABASE_LOGIN_TIMEOUT_SECONDS = 10;

  /** SPEC §7.8: production refuses weak administrator passwords. */
  static final int MIN_ADMIN_PASSWORD = 12;
  private static final List<String> WELL_KNOWN = List.of("demo", "admin", "password", "passw0rd",
      "camunda", "careflow", "changeme", "change-me", "123456", "qwerty", "letmein", "secret",
      "welcome");

  private static final Logger LOG = LoggerFactory.getLogger(StartupChecks.class);

  private Environment environment;

  @Override
  public void setEnvironment(Environment environment) {
    this.environment = environment;
  }

  @Override
  public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
    check(environment);
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }

  static void check(Environment environment) {
    checkProfiles(environment);
    if (!environment.acceptsProfiles(Profiles.of(DEMO))) {
      checkAdminPassword(environment);
      checkDelivery(environment);
      checkDatabase(environment);
    }
  }

  private static void checkProfiles(Environment environment) {
    List<String> unknown = Arrays.stream(environment.getActiveProfiles())
        .filter(profile -> !PROFILES.contains(profile))
        .toList();
    if (!unknown.isEmpty()) {
      throw new StartupConfigurationException(
          "Unknown profile " + unknown + ": CareFlow knows 'demo' (embedded H2 database with demo "
              + "users, the default) and 'postgres' (production).",
          "Start with no profile for the demo, or with SPRING_PROFILES_ACTIVE=postgres.");
    }
    if (environment.acceptsProfiles(Profiles.of(DEMO))
        && environment.acceptsProfiles(Profiles.of(POSTGRES))) {
      throw new StartupConfigurationException(
          "The 'demo' profile cannot run with 'postgres': it would create demo users with a "
              + "known password in the production database.",
          "Start with SPRING_PROFILES_ACTIVE=postgres alone.");
    }
  }

  private static void checkAdminPassword(Environment environment) {
    String adminId = environment.getProperty("camunda.bpm.admin-user.id");
    String password = environment.getProperty("camunda.bpm.admin-user.password");
    if (!StringUtils.hasText(adminId) || !StringUtils.hasText(password)) {
      throw new StartupConfigurationException(
          "No administrator password given: outside the demo, CareFlow needs the admin "
              + "user's id and password from the environment.",
          "Set CAMUNDA_BPM_ADMINUSER_PASSWORD (and CAMUNDA_BPM_ADMINUSER_ID, default admin).");
    }
    if (password.equals(adminId)) {
      throw new StartupConfigurationException(
          "The administrator password equals the user id '" + adminId + "'.",
          "Set CAMUNDA_BPM_ADMINUSER_PASSWORD to a secret of its own.");
    }
    String weakness = weakness(adminId, password);
    if (weakness != null) {
      throw new StartupConfigurationException(
          "The administrator password is too weak for production: " + weakness + ".",
          "Set CAMUNDA_BPM_ADMINUSER_PASSWORD to at least " + MIN_ADMIN_PASSWORD
              + " characters that are not a well-known password (SPEC §7.8).");
    }
  }

  /** What makes an administrator password guessable, or null when nothing does. */
  static String weakness(String adminId, String password) {
    String lower = password.toLowerCase(java.util.Locale.ROOT);
    if (password.length() < MIN_ADMIN_PASSWORD) {
      return "it has " + password.length() + " characters, fewer than " + MIN_ADMIN_PASSWORD;
    }
    if (lower.contains(adminId.toLowerCase(java.util.Locale.ROOT))) {
      return "it contains the user id";
    }
    if (WELL_KNOWN.stream().anyMatch(lower::contains)) {
      return "it is built on a well-known password";
    }
    if (password.chars().distinct().count() < 5) {
      return "it repeats a few characters";
    }
    return null;
  }

  /**
   * Issue 19: outside the demo a channel that is on needs its server, or customers would be
   * told nothing while the register says they were.
   */
  private static void checkDelivery(Environment environment) {
    if (environment.getProperty("careflow.notify.email.enabled", Boolean.class, true)
        && !StringUtils.hasText(environment.getProperty("spring.mail.host"))) {
      throw new StartupConfigurationException(
          "E-mail notices are on (careflow.notify.email.enabled) but no mail server is set.",
          "Set SPRING_MAIL_HOST (and SPRING_MAIL_PORT, SPRING_MAIL_USERNAME, "
              + "SPRING_MAIL_PASSWORD as your server needs), or CAREFLOW_NOTIFY_EMAIL_ENABLED="
              + "false to send no e-mail.");
    }
    if (environment.getProperty("careflow.notify.sms.enabled", Boolean.class, false)
        && !StringUtils.hasText(environment.getProperty("careflow.notify.sms.gateway-url"))) {
      throw new StartupConfigurationException(
          "SMS notices are on (careflow.notify.sms.enabled) but no SMS gateway is set.",
          "Set CAREFLOW_NOTIFY_SMS_GATEWAYURL (and its credentials), or "
              + "CAREFLOW_NOTIFY_SMS_ENABLED=false to send no SMS.");
    }
    String baseUrl = environment.getProperty("careflow.notify.base-url", "http://localhost:8080");
    if (baseUrl.contains("://localhost") || baseUrl.contains("://127.0.0.1")) {
      LOG.warn("careflow.notify.base-url is {}: the Tasklist links in staff mails open only on "
          + "this machine. Set CAREFLOW_NOTIFY_BASEURL to the address staff use.", baseUrl);
    }
  }

  private static void checkDatabase(Environment environment) {
    String url = environment.getProperty("spring.datasource.url");
    if (!StringUtils.hasText(url)) {
      throw new StartupConfigurationException(
          "No database configured for production.",
          "Set SPRING_DATASOURCE_URL (e.g. jdbc:postgresql://db:5432/careflow), "
              + "SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD.");
    }
    String user = environment.getProperty("spring.datasource.username");
    String password = environment.getProperty("spring.datasource.password");
    int previousTimeout = DriverManager.getLoginTimeout();
    DriverManager.setLoginTimeout(DATABASE_LOGIN_TIMEOUT_SECONDS);
    try (Connection connection = DriverManager.getConnection(url, user, password)) {
      Objects.requireNonNull(connection.getMetaData());
    } catch (SQLException e) {
      throw new StartupConfigurationException(
          "Cannot connect to the database " + url + " as '" + user + "': " + e.getMessage(),
          "Check that the database is running and reachable, and SPRING_DATASOURCE_URL, "
              + "SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD.");
    } finally {
      DriverManager.setLoginTimeout(previousTimeout);
    }
  }
}
