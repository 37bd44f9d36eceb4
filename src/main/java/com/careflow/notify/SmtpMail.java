package com.careflow.notify;

import com.careflow.notify.Outbox.Channel;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * E-mail through the SMTP server of {@code spring.mail.*}, as UTF-8 plain text. Every attempt at
 * one message carries the same Message-ID (its key), so a mail that went out twice (a node died
 * between sending it and recording it) can be recognised as one by mail systems that look.
 */
class SmtpMail implements Courier {

  private final JavaMailSender sender;
  private final String from;
  private final String domain;

  /**
   * @param domain the right-hand side of the Message-IDs: CareFlow's host name
   *     ({@code careflow.notify.base-url})
   */
  SmtpMail(JavaMailSender sender, String from, String domain) {
    this.sender = sender;
    this.from = from;
    this.domain = domain;
  }

  @Override
  public Channel channel() {
    return Channel.EMAIL;
  }

  @Override
  public String deliver(Parcel parcel) throws Exception {
    MimeMessage mail = sender.createMimeMessage();
    MimeMessageHelper message = new MimeMessageHelper(mail, StandardCharsets.UTF_8.name());
    message.setFrom(from);
    message.setTo(parcel.recipient());
    message.setSubject(parcel.subject());
    message.setText(parcel.body());
    mail.setHeader("Message-ID", "<" + parcel.key() + "@" + domain + ">");
    sender.send(mail);
    return "smtp";
  }
}
