package com.careflow.notify;

import com.careflow.notify.Outbox.Channel;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * SMS through the company's HTTP gateway ({@code careflow.notify.sms.*}): one JSON POST per
 * message, {@code {"messageId", "to", "templateId", "text", "caseNumber"}}, with HTTP Basic
 * credentials or a bearer token. The template id is the gateway's id for the notice
 * ({@code careflow.notify.sms.templates.<notice>}), for gateways that only send registered
 * templates; {@code text} is the rendered notice. Any answer but 2xx is a failed attempt.
 * {@code messageId} is the same on every attempt, for gateways that drop repeats.
 */
class SmsGateway implements Courier {

  /** A gateway that does not answer in time is a failed attempt, not a stuck relay. */
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final RestClient gateway;
  private final NotifyProperties.Sms settings;

  SmsGateway(RestClient.Builder builder, NotifyProperties.Sms settings) {
    this.settings = settings;
    SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
    requests.setConnectTimeout(TIMEOUT);
    requests.setReadTimeout(TIMEOUT);
    this.gateway = builder.baseUrl(settings.gatewayUrl().toString())
        .requestFactory(requests)
        .defaultHeaders(headers -> authenticate(headers, settings))
        .build();
  }

  private static void authenticate(HttpHeaders headers, NotifyProperties.Sms settings) {
    if (settings.token() != null && !settings.token().isBlank()) {
      headers.setBearerAuth(settings.token());
    } else if (settings.username() != null && !settings.username().isBlank()) {
      headers.setBasicAuth(settings.username(),
          settings.password() == null ? "" : settings.password());
    }
  }

  @Override
  public Channel channel() {
    return Channel.SMS;
  }

  @Override
  public String deliver(Parcel parcel) {
    Map<String, Object> sms = new LinkedHashMap<>();
    sms.put("messageId", parcel.key());
    sms.put("to", parcel.recipient());
    sms.put("templateId", settings.templates().get(parcel.template()));
    sms.put("text", parcel.body());
    sms.put("caseNumber", parcel.caseNumber());
    gateway.post().contentType(MediaType.APPLICATION_JSON).body(sms).retrieve().toBodilessEntity();
    return "sms-gateway";
  }
}
