package com.careflow.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.careflow.notify.Courier.Parcel;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

/**
 * The SMS adapter against a gateway that listens on a real port: what it posts (the address,
 * the notice's template id, the text, a message id that repeats on retries, the credentials),
 * and that an answer other than 2xx is a failed attempt the relay retries.
 */
class SmsGatewayTest {

  private final ObjectMapper json = new ObjectMapper();
  private final List<JsonNode> received = new ArrayList<>();
  private final List<String> authorizations = new ArrayList<>();
  private final AtomicInteger answer = new AtomicInteger(200);
  private HttpServer gateway;

  @BeforeEach
  void startGateway() throws Exception {
    gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    gateway.createContext("/sms/send", exchange -> {
      received.add(json.readTree(exchange.getRequestBody()));
      authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
      exchange.sendResponseHeaders(answer.get(), -1);
      exchange.close();
    });
    gateway.start();
  }

  @AfterEach
  void stopGateway() {
    gateway.stop(0);
  }

  @Test
  void eachSmsIsPostedWithItsTemplateAndTheGatewaysCredentials() throws Exception {
    SmsGateway sms = new SmsGateway(RestClient.builder(), settings(null));
    String via = sms.deliver(new Parcel("5b0c6c1e-0000-4000-8000-000000000041", "CP-2611-0007", "complaint-outcome", "13900000000",
        null, "尊敬的李雷：您的投诉 CP-2611-0007 已处理完毕。"));

    assertThat(via).isEqualTo("sms-gateway");
    assertThat(received).singleElement().satisfies(posted -> {
      assertThat(posted.get("to").asText()).isEqualTo("13900000000");
      assertThat(posted.get("templateId").asText()).isEqualTo("SMS_0042");
      assertThat(posted.get("text").asText()).isEqualTo("尊敬的李雷：您的投诉 CP-2611-0007 已处理完毕。");
      assertThat(posted.get("messageId").asText()).isEqualTo("5b0c6c1e-0000-4000-8000-000000000041");
      assertThat(posted.get("caseNumber").asText()).isEqualTo("CP-2611-0007");
    });
    assertThat(authorizations).containsExactly("Basic " + Base64.getEncoder()
        .encodeToString("careflow:gateway-secret".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aBearerTokenIsUsedWhenConfigured() throws Exception {
    new SmsGateway(RestClient.builder(), settings("tok-123")).deliver(new Parcel("5b0c6c1e-0000-4000-8000-000000000001", "RT-2611-0001",
        "return-rejection", "13900000001", null, "text"));
    assertThat(authorizations).containsExactly("Bearer tok-123");
    assertThat(received.get(0).get("templateId").isNull())
        .as("a notice without a template id sends its text only").isTrue();
  }

  @Test
  void aGatewayThatRefusesIsAFailedAttempt() {
    answer.set(503);
    SmsGateway sms = new SmsGateway(RestClient.builder(), settings(null));
    assertThatThrownBy(() -> sms.deliver(new Parcel("5b0c6c1e-0000-4000-8000-000000000002", "CP-2611-0008", "complaint-outcome",
        "13900000000", null, "text"))).hasMessageContaining("503");
  }

  private NotifyProperties.Sms settings(String token) {
    return new NotifyProperties.Sms(true,
        URI.create("http://127.0.0.1:" + gateway.getAddress().getPort() + "/sms/send"),
        token == null ? "careflow" : null, token == null ? "gateway-secret" : null, token,
        Map.of("complaint-outcome", "SMS_0042"));
  }
}
