package com.careflow.locale;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Each Camunda web app reads its settings from {@code app/<app>/scripts/config.js}. CareFlow
 * serves them from {@code webapp-config/<app>.js}, or {@code webapp-config/default.js} for an
 * app without settings of its own, filled in with the date formats they all share
 * ({@code webapp-config/date-format.js}) and the company's language ({@link LocaleProperties}): the apps come in Simplified Chinese and English, a browser asking
 * for either gets it, any other browser gets the company's language. The locale files they load
 * are {@code META-INF/resources/webjars/camunda/app/<app>/locales/{zh,en}.json}.
 */
@RestController
public class WebAppConfig {

  private static final Set<String> APPS = Set.of("tasklist", "cockpit", "admin", "welcome");
  private static final MediaType JAVASCRIPT = new MediaType("text", "javascript",
      StandardCharsets.UTF_8);

  private final Map<String, String> configs;

  public WebAppConfig(LocaleProperties locale) {
    String locales = "{ availableLocales: " + LocaleProperties.LANGUAGES.stream()
        .map(language -> "'" + language + "'").collect(Collectors.joining(", ", "[", "]"))
        + ", fallbackLocale: '" + locale.defaultLanguage() + "' }";
    String dateFormat = read(new ClassPathResource("webapp-config/date-format.js"))
        .replaceAll("(?m)^//.*\\R", "").strip();
    this.configs = APPS.stream().collect(Collectors.toUnmodifiableMap(app -> app,
        app -> template(app).replace("/* careflow:locales */", locales)
            .replace("/* careflow:dateFormat */", dateFormat)));
  }

  @GetMapping("/camunda/app/{app}/scripts/config.js")
  public ResponseEntity<String> config(@PathVariable String app) {
    String config = configs.get(app);
    if (config == null) {
      throw new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
    }
    return ResponseEntity.ok().contentType(JAVASCRIPT).cacheControl(CacheControl.noCache())
        .body(config);
  }

  private static String template(String app) {
    ClassPathResource own = new ClassPathResource("webapp-config/" + app + ".js");
    return read(own.exists() ? own : new ClassPathResource("webapp-config/default.js"));
  }

  private static String read(ClassPathResource resource) {
    try {
      return resource.getContentAsString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(resource.getPath() + " is missing", e);
    }
  }
}
