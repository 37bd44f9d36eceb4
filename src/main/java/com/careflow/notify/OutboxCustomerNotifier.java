package com.careflow.notify;

import java.sql.Timestamp;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes each notice to the {@code customer_notification} outbox and the log. It runs in the
 * engine's transaction, so a notice is stored exactly when the step that sends it commits; a
 * delivery adapter (mail, SMS) sends what has no {@code sent_at} yet.
 */
@Component
public class OutboxCustomerNotifier implements CustomerNotifier {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxCustomerNotifier.class);

  private final JdbcTemplate jdbc;

  public OutboxCustomerNotifier(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void send(CustomerNotice notice) {
    jdbc.update("INSERT INTO customer_notification (case_number, kind, customer_name, "
            + "customer_phone, message, created_at) VALUES (?, ?, ?, ?, ?, ?)",
        notice.caseNumber(), notice.kind(), notice.customerName(), notice.customerPhone(),
        notice.message(), Timestamp.from(Instant.now()));
    LOG.info("Notice {} for case {} to {}: {}", notice.kind(), notice.caseNumber(),
        notice.customerName(), notice.message());
  }
}
