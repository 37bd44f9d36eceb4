package com.careflow.notify;

import com.careflow.notify.Outbox.Channel;

/** Carries messages of one {@link Channel}: an SMTP server, an SMS gateway, the log. */
public interface Courier {

  /**
   * A message as the relay hands it over.
   *
   * @param key the message's identity, the same on every attempt (a UUID)
   * @param template the text's file in {@code notices/}, for gateways that send by template
   */
  record Parcel(String key, String caseNumber, String template, String recipient,
      String subject, String body) {}

  Channel channel();

  /**
   * Sends it, or throws when it could not: the relay tries again later.
   *
   * @return how it went out, recorded with the message: {@code smtp}, {@code sms-gateway} or
   *     {@code log} (recorded only, nobody was told)
   */
  String deliver(Parcel parcel) throws Exception;
}
