package com.careflow.notify;

import com.careflow.notify.Courier.Parcel;
import com.careflow.notify.Outbox.Channel;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers the {@link Outbox}: every few seconds ({@code careflow.notify.relay.every}) it takes
 * the due messages, customer notices first, claims each (one node at a time: an update that
 * only one node's {@code WHERE} still matches, with a token that every later update of the
 * message must show), and hands it to its channel's {@link Courier}. A failed attempt
 * is tried again after a back-off that doubles (1 minute, 2, 4, ... at most 1 hour); after the
 * last attempt ({@code max-attempts}) the message is FAILED, logged, listed at
 * {@code GET /api/notices?status=FAILED} and on the notices page, until a person sends it again
 * ({@link #resend}). Delivery is at least once: a node that dies after sending and before
 * recording it leaves the message to another node once its claim ends.
 */
@Component
public class NoticeRelay {

  private static final Logger LOG = LoggerFactory.getLogger(NoticeRelay.class);

  /** Where a message stands. */
  public enum Status { PENDING, SENDING, SENT, FAILED }

  /** A message as people see it on the notices page and API. */
  public record Delivery(long id, String caseNumber, String kind, Channel channel,
      String recipient, Status status, int attempts, Instant nextAttemptAt, String lastError,
      Instant createdAt, Instant sentAt, String sentVia) {}

  private static final String DUE = "(status = 'PENDING' AND next_attempt_at <= ?) "
      + "OR (status = 'SENDING' AND claimed_until < ?)";

  private final JdbcTemplate jdbc;
  private final NotifyProperties.Relay settings;
  private final Map<Channel, Courier> couriers = new EnumMap<>(Channel.class);

  public NoticeRelay(JdbcTemplate jdbc, NotifyProperties properties, List<Courier> couriers) {
    this.jdbc = jdbc;
    this.settings = properties.relay();
    couriers.forEach(courier -> this.couriers.put(courier.channel(), courier));
  }

  @Scheduled(fixedDelayString = "${careflow.notify.relay.every:PT10S}",
      initialDelayString = "${careflow.notify.relay.every:PT10S}")
  void relay() {
    if (settings.enabled()) {
      deliverDue();
    }
  }

  /**
   * Delivers the messages due now, up to a batch, customer notices first; how many went out.
   * Each message is claimed at the moment it is taken, so a slow server delays the rest of the
   * batch but never lets a claim run out before its message is tried.
   */
  public int deliverDue() {
    Instant now = Outbox.now();
    List<Long> due = jdbc.queryForList("SELECT id FROM notice_delivery WHERE " + DUE
        + " ORDER BY CASE WHEN notification_id IS NULL THEN 1 ELSE 0 END, next_attempt_at "
        + "LIMIT ?", Long.class, Timestamp.from(now), Timestamp.from(now), settings.batch());
    int sent = 0;
    for (long id : due) {
      try {
        String token = claim(id);
        if (token != null && deliver(id, token)) {
          sent++;
        }
      } catch (RuntimeException e) {
        // the database failed us: the claim runs out and the message is tried again later
        LOG.error("Notice {} could not be handled; it is tried again once its claim ends", id, e);
      }
    }
    return sent;
  }

  /** Takes the message for this node: its claim token, or null when another node has it. */
  private String claim(long id) {
    Instant now = Outbox.now();
    String token = UUID.randomUUID().toString();
    return jdbc.update("UPDATE notice_delivery SET status = 'SENDING', claim_token = ?, "
            + "claimed_until = ? WHERE id = ? AND (" + DUE + ")", token,
        Timestamp.from(now.plus(settings.claimFor())), id, Timestamp.from(now),
        Timestamp.from(now)) == 1 ? token : null;
  }

  private boolean deliver(long id, String token) {
    Map<String, Object> row = jdbc.queryForMap("SELECT notification_id, case_number, template, "
        + "message_key, channel, recipient, subject, body, attempts FROM notice_delivery "
        + "WHERE id = ?", id);
    int attempt = ((Number) row.get("attempts")).intValue() + 1;
    Channel channel = Channel.valueOf((String) row.get("channel"));
    Parcel parcel = new Parcel((String) row.get("message_key"), (String) row.get("case_number"),
        (String) row.get("template"), (String) row.get("recipient"), (String) row.get("subject"),
        (String) row.get("body"));
    Courier courier = couriers.get(channel);
    String via;
    try {
      if (courier == null) {
        throw new IllegalStateException("no courier carries " + channel);
      }
      via = courier.deliver(parcel);
    } catch (Exception failure) {
      failed(id, token, channel, parcel, attempt, failure);
      return false;
    }
    Timestamp sentAt = Timestamp.from(Outbox.now());
    jdbc.update("UPDATE notice_delivery SET status = 'SENT', attempts = ?, sent_at = ?, "
        + "sent_via = ?, claimed_until = NULL, claim_token = NULL, last_error = NULL "
        + "WHERE id = ? AND claim_token = ?", attempt, sentAt, via, id, token);
    if (row.get("notification_id") != null) {
      jdbc.update("UPDATE customer_notification SET sent_at = ? WHERE id = ? AND sent_at IS NULL",
          sentAt, row.get("notification_id"));
    }
    return true;
  }

  private void failed(long id, String token, Channel channel, Parcel parcel, int attempt,
      Exception failure) {
    String error = describe(failure);
    if (attempt >= settings.maxAttempts()) {
      jdbc.update("UPDATE notice_delivery SET status = 'FAILED', attempts = ?, "
          + "claimed_until = NULL, claim_token = NULL, last_error = ? "
          + "WHERE id = ? AND claim_token = ?", attempt, error, id, token);
      LOG.warn("{} {} for case {} FAILED after {} attempts ({}); a person can send it again "
          + "on the notices page", channel, id, parcel.caseNumber(), attempt, error);
    } else {
      Instant next = Outbox.now().plus(backOff(attempt));
      jdbc.update("UPDATE notice_delivery SET status = 'PENDING', attempts = ?, "
          + "next_attempt_at = ?, claimed_until = NULL, claim_token = NULL, last_error = ? "
          + "WHERE id = ? AND claim_token = ?", attempt, Timestamp.from(next), error, id, token);
      LOG.info("{} {} for case {} not delivered (attempt {}: {}); next attempt at {}", channel,
          id, parcel.caseNumber(), attempt, error, next);
    }
  }

  /** The wait after the {@code attempt}th failure: first-retry, doubling, at most max-retry. */
  Duration backOff(int attempt) {
    Duration wait = settings.firstRetry();
    for (int doubled = 1; doubled < attempt && wait.compareTo(settings.maxRetry()) < 0; doubled++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(settings.maxRetry()) > 0 ? settings.maxRetry() : wait;
  }

  private static String describe(Exception failure) {
    String text = (failure.getClass().getSimpleName()
        + (failure.getMessage() == null ? "" : ": " + failure.getMessage()))
        .replaceAll("\\s+", " ");
    return text.length() > 1000 ? text.substring(0, 1000) : text;
  }

  /**
   * Puts a FAILED message back in the queue, due now, with its attempts counted afresh; false
   * when it is not FAILED (sent, or still being tried), or nothing can carry it (NONE).
   */
  public boolean resend(long id) {
    return jdbc.update("UPDATE notice_delivery SET status = 'PENDING', attempts = 0, "
        + "next_attempt_at = ?, last_error = NULL WHERE id = ? AND status = 'FAILED' "
        + "AND channel <> 'NONE'", Timestamp.from(Outbox.now()), id) == 1;
  }

  /** The message, if it exists. */
  public Optional<Delivery> find(long id) {
    return jdbc.query(SELECT + "WHERE id = ?", NoticeRelay::delivery, id).stream().findFirst();
  }

  /** The messages in this status, newest first; of one case when {@code caseNumber} is set. */
  public List<Delivery> list(Status status, String caseNumber, int limit) {
    return caseNumber == null
        ? jdbc.query(SELECT + "WHERE status = ? ORDER BY id DESC LIMIT ?", NoticeRelay::delivery,
            status.name(), limit)
        : jdbc.query(SELECT + "WHERE status = ? AND case_number = ? ORDER BY id DESC LIMIT ?",
            NoticeRelay::delivery, status.name(), caseNumber, limit);
  }

  private static final String SELECT = "SELECT id, case_number, kind, channel, recipient, "
      + "status, attempts, next_attempt_at, last_error, created_at, sent_at, sent_via "
      + "FROM notice_delivery ";

  private static Delivery delivery(ResultSet row, int index) throws SQLException {
    return new Delivery(row.getLong("id"), row.getString("case_number"), row.getString("kind"),
        Channel.valueOf(row.getString("channel")), row.getString("recipient"),
        Status.valueOf(row.getString("status")), row.getInt("attempts"),
        instant(row, "next_attempt_at"), row.getString("last_error"),
        instant(row, "created_at"), instant(row, "sent_at"), row.getString("sent_via"));
  }

  private static Instant instant(ResultSet row, String column) throws SQLException {
    Timestamp value = row.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }
}
