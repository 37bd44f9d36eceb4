package com.careflow.locale;

import static org.assertj.core.api.Assertions.assertThat;

import com.careflow.support.ApiClient;
import com.careflow.support.CareFlowSpringTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Tasklist, Cockpit, Admin and the welcome page in Simplified Chinese by default and English on
 * request: each app's configuration names both languages with the company's as the fallback,
 * its Chinese locale file has a text for every key Camunda 7.24's own English file has, dates
 * are ISO in both languages, and the vendor's migration banner is hidden.
 */
@CareFlowSpringTest
class WebAppLocalesTest {

  private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");

  @LocalServerPort private int port;
  @Autowired private ObjectMapper json;

  private ApiClient web;

  @BeforeEach
  void connect() {
    web = new ApiClient(port);
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void theAppComesInChineseByDefaultAndInEnglishOnRequest(String app) throws Exception {
    HttpResponse<String> config = get("/camunda/app/" + app + "/scripts/config.js");
    assertThat(config.statusCode()).isEqualTo(200);
    assertThat(config.headers().firstValue("Content-Type").orElseThrow()).contains("javascript");
    assertThat(config.body()).contains("availableLocales: ['zh', 'en']",
        "fallbackLocale: 'zh'", "normal: 'YYYY-MM-DD HH:mm'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void everyTextOfCamundasOwnEnglishFileHasItsChinese(String app) throws Exception {
    JsonNode vendorEnglish = vendorEnglish(app);
    JsonNode chinese = json.readTree(get("/camunda/app/" + app + "/locales/zh.json").body());
    List<String> missing = new ArrayList<>();
    int inChinese = 0;
    for (String key : (Iterable<String>) () -> vendorEnglish.path("labels").fieldNames()) {
      JsonNode text = chinese.path("labels").get(key);
      if (text == null) {
        missing.add(key);
      } else if (CHINESE.matcher(text.asText()).find()) {
        inChinese++;
      }
    }
    assertThat(missing).as(app + ": keys without a Chinese text").isEmpty();
    assertThat(inChinese).as(app + ": texts written in Chinese")
        .isGreaterThan(vendorEnglish.path("labels").size() * 8 / 10); // the rest: product names
    assertThat(chinese.at("/dateLocales/longDateFormat/L").asText()).isEqualTo("YYYY-MM-DD");
    assertThat(chinese.at("/labels/BANNER_CE_EOL_TEXT").asText()).isNotBlank();
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void englishDatesAreIsoToo(String app) throws Exception {
    JsonNode english = json.readTree(get("/camunda/app/" + app + "/locales/en.json").body());
    assertThat(english.at("/dateLocales/longDateFormat/L").asText()).isEqualTo("YYYY-MM-DD");
    assertThat(english.at("/dateLocales/longDateFormat/LT").asText()).isEqualTo("HH:mm");
    assertThat(english.at("/labels").size()).isEqualTo(vendorEnglish(app).path("labels").size());
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void theVendorsMigrationBannerIsHidden(String app) throws Exception {
    assertThat(get("/camunda/app/" + app + "/styles/user-styles.css").body())
        .containsPattern("\\.ce-eol-banner\\s*\\{\\s*display:\\s*none");
  }

  @org.junit.jupiter.api.Test
  void tasklistLoadsCareFlowsFormScript() throws Exception {
    HttpResponse<String> script = get("/camunda/app/tasklist/careflow/forms.js");
    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.body()).contains("Intl.DateTimeFormat = CompanyDateTimeFormat",
        "此项必填");
  }

  /** The English file shipped in Camunda's own webjar, which CareFlow's files override. */
  private JsonNode vendorEnglish(String app) throws IOException {
    String path = "META-INF/resources/webjars/camunda/app/" + app + "/locales/en.json";
    for (URL url : Collections.list(getClass().getClassLoader().getResources(path))) {
      if (url.toString().contains("camunda-webapp-webjar")) {
        try (InputStream in = url.openStream()) {
          return json.readTree(new String(in.readAllBytes(), "UTF-8").replace("\uFEFF", ""));
        }
      }
    }
    throw new IllegalStateException("Camunda's webjar has no " + path);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return web.send(web.anonymous(path).GET());
  }
}
