package com.careflow.notify;

import com.careflow.notify.Outbox.Channel;
import com.careflow.notify.Outbox.Message;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Records each notice in {@code customer_notification} (what the customer was told, and when)
 * and queues its delivery in the {@link Outbox}: by e-mail when the customer gave an address,
 * by SMS to their phone, each when its channel is on ({@code careflow.notify.email.enabled},
 * {@code careflow.notify.sms.enabled}). A notice neither can carry is recorded FAILED at once
 * (channel NONE), so that a person sees the customer was not told. It runs in the engine's
 * transaction, so a notice is stored and queued exactly when the step that sends it commits.
 */
@Component
public class OutboxCustomerNotifier implements CustomerNotifier {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxCustomerNotifier.class);

  static final String UNREACHABLE = "nothing can carry it: the customer gave no e-mail address "
      + "and SMS is off (careflow.notify.sms.enabled); tell the customer another way";

  private final JdbcTemplate jdbc;
  private final Outbox outbox;
  private final NoticeTemplates templates;
  private final NotifyProperties properties;

  public OutboxCustomerNotifier(JdbcTemplate jdbc, Outbox outbox, NoticeTemplates templates,
      NotifyProperties properties) {
    this.jdbc = jdbc;
    this.outbox = outbox;
    this.templates = templates;
    this.properties = properties;
  }

  @Override
  public void send(CustomerNotice notice) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      PreparedStatement insert = connection.prepareStatement("INSERT INTO customer_notification "
          + "(case_number, kind, customer_name, customer_phone, customer_email, message, "
          + "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
      insert.setString(1, notice.caseNumber());
      insert.setString(2, notice.kind());
      insert.setString(3, notice.customerName());
      insert.setString(4, notice.customerPhone());
      insert.setString(5, notice.customerEmail());
      insert.setString(6, notice.message());
      insert.setTimestamp(7, Timestamp.from(Outbox.now()));
      return insert;
    }, key);
    Long id = key.getKey() == null ? null : key.getKey().longValue();
    boolean byEmail = properties.email().enabled() && StringUtils.hasText(notice.customerEmail());
    boolean bySms = properties.sms().enabled() && StringUtils.hasText(notice.customerPhone());
    if (byEmail) {
      outbox.add(new Message(id, notice.caseNumber(), notice.kind(), notice.template(),
          Channel.EMAIL, notice.customerEmail(), templates.render("customer-subject",
              name -> "caseNumber".equals(name) ? notice.caseNumber() : null),
          notice.message()));
    }
    if (bySms) {
      outbox.add(new Message(id, notice.caseNumber(), notice.kind(), notice.template(),
          Channel.SMS, notice.customerPhone(), null, notice.message()));
    }
    if (!byEmail && !bySms) {
      outbox.undeliverable(new Message(id, notice.caseNumber(), notice.kind(), notice.template(),
          Channel.NONE, "-", null, notice.message()), UNREACHABLE);
      LOG.warn("Notice {} for case {}: {}", notice.kind(), notice.caseNumber(), UNREACHABLE);
    } else {
      LOG.info("Notice {} for case {} queued", notice.kind(), notice.caseNumber());
    }
  }
}
