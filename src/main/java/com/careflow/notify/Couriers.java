package com.careflow.notify;

import com.careflow.notify.Outbox.Channel;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.web.client.RestClient;

/**
 * Which {@link Courier} carries each channel: e-mail through the SMTP server of
 * {@code spring.mail.host} (Spring Boot's mail sender), SMS through the gateway of
 * {@code careflow.notify.sms.gateway-url}; the log where none is configured (the demo).
 * Outside the demo {@code startup.StartupChecks} refuses to start a channel that is on without
 * its server.
 */
@Configuration(proxyBeanMethods = false)
class Couriers {

  @Bean
  Courier emailCourier(ObjectProvider<JavaMailSender> mail, NotifyProperties properties) {
    JavaMailSender sender = mail.getIfAvailable();
    return sender == null ? new LoggedMessages(Channel.EMAIL)
        : new SmtpMail(sender, properties.email().from(), properties.baseUrl().getHost());
  }

  /** The HTTP client is built only for a gateway: 0.2 s of every start without one. */
  @Bean
  Courier smsCourier(ObjectProvider<RestClient.Builder> http, NotifyProperties properties) {
    return properties.sms().gatewayUrl() == null ? new LoggedMessages(Channel.SMS)
        : new SmsGateway(http.getObject(), properties.sms());
  }
}
