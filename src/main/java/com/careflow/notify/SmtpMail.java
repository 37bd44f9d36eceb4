package com.careflow.notify;

import com.careflow.notify.Outbox.Channel;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * E-mail through the SMTP server of {@code spring.mail.*}, as UTF-8 plain text. Every attempt at
 * one message carries the same Message-ID, so a mail that went out twice (a node died between
 * sending it and recording it) shows as one in the reader's mailbox.
 */
class SmtpMail implements Courier {

  private final JavaMailSender sender;
  private final String from;

  SmtpMail(JavaMailSender sender, String from) {
    this.sender = sender;
    this.from = from;
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
    mail.setHeader("Message-ID", "<notice-" + parcel.id() + "@careflow>");
    sender.send(mail);
    return "smtp";
  }
}
