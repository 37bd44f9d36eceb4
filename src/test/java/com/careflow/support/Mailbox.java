package com.careflow.support;

import com.careflow.notify.NoticeRelay;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;

/** What reached a test's SMTP server (GreenMail), and the relay that stands in for the job. */
public final class Mailbox {

  private Mailbox() {}

  /** Runs the relay until nothing due is left to send (earlier tests' messages too). */
  public static void deliverAll(NoticeRelay relay) {
    while (relay.deliverDue() > 0) {
      // each round sends a batch
    }
  }

  /** The mails received for this address. */
  public static List<MimeMessage> to(MimeMessage[] received, String address) {
    return Arrays.stream(received).filter(mail -> recipients(mail).contains(address)).toList();
  }

  public static String recipients(MimeMessage mail) {
    try {
      return Arrays.toString(mail.getRecipients(RecipientType.TO));
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String subject(MimeMessage mail) {
    try {
      return mail.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The text of a plain-text mail, decoded. */
  public static String text(MimeMessage mail) {
    try {
      return mail.getContent().toString().strip();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
