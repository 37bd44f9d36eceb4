package com.careflow.notify;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The messages waiting to reach people ({@code notice_delivery}). A message is written in the
 * transaction of the step that sends it, so it exists exactly when that step commits, and the
 * {@link NoticeRelay} delivers it afterwards. Times are the engine's clock.
 */
@Component
public class Outbox {

  /**
   * The ways a message travels. NONE: nothing can carry it (a customer without an e-mail
   * address while SMS is off); such a message is FAILED at once, for a person to see.
   */
  public enum Channel { EMAIL, SMS, NONE }

  /**
   * One message to one address.
   *
   * @param notificationId the customer notice it delivers, or null for a staff notice
   * @param caseNumber the case it is about, if any
   * @param kind why we write, e.g. {@code ACKNOWLEDGEMENT}, {@code NEW_TASK}
   * @param template the text's file in {@code notices/}, e.g. {@code complaint-outcome}
   * @param channel how it travels
   * @param recipient the e-mail address or phone number
   * @param subject the e-mail's subject; null for SMS
   * @param body the text
   */
  public record Message(Long notificationId, String caseNumber, String kind, String template,
      Channel channel, String recipient, String subject, String body) {}

  private final JdbcTemplate jdbc;

  public Outbox(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Queues the message, in the caller's transaction; due at once. */
  public void add(Message message) {
    insert(message, "PENDING", null);
  }

  /** Records a message nothing can carry, FAILED at once with the reason. */
  public void undeliverable(Message message, String reason) {
    insert(message, "FAILED", reason);
  }

  private void insert(Message message, String status, String error) {
    Timestamp now = Timestamp.from(now());
    jdbc.update("INSERT INTO notice_delivery (notification_id, case_number, kind, template, "
            + "message_key, channel, recipient, subject, body, status, attempts, "
            + "next_attempt_at, last_error, created_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)",
        message.notificationId(), message.caseNumber(), message.kind(), message.template(),
        UUID.randomUUID().toString(), message.channel().name(), message.recipient(),
        message.subject(), message.body(), status, now, error, now);
  }

  static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
