package com.careflow.notify;

import com.careflow.notify.Outbox.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where messages go when their channel has no server: the log. The demo's e-mail without
 * {@code spring.mail.host}, and SMS without a gateway. The message is recorded as
 * {@code sent_via = log}: nobody was told.
 */
class LoggedMessages implements Courier {

  private static final Logger LOG = LoggerFactory.getLogger(LoggedMessages.class);

  private final Channel channel;

  LoggedMessages(Channel channel) {
    this.channel = channel;
  }

  @Override
  public Channel channel() {
    return channel;
  }

  @Override
  public String deliver(Parcel parcel) {
    LOG.info("{} for case {} to {} (recorded, not sent: no {} server configured): {} {}",
        channel, parcel.caseNumber(), parcel.recipient(), channel,
        parcel.subject() == null ? "" : parcel.subject(), parcel.body());
    return "log";
  }
}
