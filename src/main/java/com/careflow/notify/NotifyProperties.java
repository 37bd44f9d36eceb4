package com.careflow.notify;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How notices reach people ({@code careflow.notify.*}, docs/notifications.md).
 *
 * @param baseUrl where staff open CareFlow: the links in their mails start with it
 * @param relay how the outbox is delivered
 * @param email customer and staff mail; sent through {@code spring.mail.*}
 * @param sms customer SMS through an HTTP gateway
 * @param staff what staff are told
 */
@Validated
@ConfigurationProperties("careflow.notify")
public record NotifyProperties(
    @DefaultValue("http://localhost:8080") @NotNull URI baseUrl,
    @DefaultValue @Valid Relay relay,
    @DefaultValue @Valid Email email,
    @DefaultValue @Valid Sms sms,
    @DefaultValue @Valid Staff staff) {

  /**
   * The relay that delivers the outbox.
   *
   * @param enabled whether this node delivers (every node may: a message is claimed by one)
   * @param every how often it looks for due messages
   * @param batch how many messages one look takes at most
   * @param maxAttempts after this many failed attempts a message is FAILED, for a person to see
   * @param firstRetry the wait after the first failure; it doubles with each further one
   * @param maxRetry the longest wait between two attempts
   * @param claimFor how long a node owns a message it is sending; after it, another node may
   *     try (a node that died while sending)
   */
  public record Relay(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("PT10S") @NotNull Duration every,
      @DefaultValue("50") @Min(1) int batch,
      @DefaultValue("10") @Min(1) int maxAttempts,
      @DefaultValue("PT1M") @NotNull Duration firstRetry,
      @DefaultValue("PT1H") @NotNull Duration maxRetry,
      @DefaultValue("PT2M") @NotNull Duration claimFor) {}

  /**
   * E-mail.
   *
   * @param enabled whether customers with an address and staff are written to by e-mail; outside
   *     the demo CareFlow refuses to start when it is on and {@code spring.mail.host} is not set
   * @param from the sender
   */
  public record Email(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("CareFlow <careflow@localhost>") @NotBlank String from) {}

  /**
   * SMS through an HTTP gateway.
   *
   * @param enabled whether customers are told by SMS at their phone number; outside the demo
   *     CareFlow refuses to start when it is on and no gateway URL is set
   * @param gatewayUrl where CareFlow posts each SMS (JSON); without it SMS are only recorded
   * @param username the gateway's user (HTTP Basic), if it has one
   * @param password the gateway's password
   * @param token a bearer token instead of a user and password
   * @param templates the gateway's template id per notice (file name in {@code notices/})
   */
  public record Sms(
      @DefaultValue("false") boolean enabled,
      URI gatewayUrl,
      String username,
      String password,
      String token,
      @DefaultValue Map<String, String> templates) {}

  /**
   * Staff notices.
   *
   * @param taskEmailByDefault whether a person who never chose is told of new tasks by e-mail
   */
  public record Staff(@DefaultValue("false") boolean taskEmailByDefault) {}
}
