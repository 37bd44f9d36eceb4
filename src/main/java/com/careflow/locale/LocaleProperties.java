package com.careflow.locale;

import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The company's language ({@code careflow.locale.default-language}): what Tasklist, Cockpit,
 * Admin and the welcome page show to a person whose browser asks for neither Chinese nor
 * English, and the language the Camunda Forms are deployed in. {@code zh} (Simplified Chinese) by default;
 * {@code en} for English. The company's time zone is {@code careflow.calendar.zone}.
 */
@Validated
@ConfigurationProperties("careflow.locale")
public record LocaleProperties(
    @DefaultValue("zh") @Pattern(regexp = "zh|en", message = "must be zh or en")
        String defaultLanguage) {

  /** The languages the web apps and forms come in; the first is the forms' source language. */
  public static final java.util.List<String> LANGUAGES = java.util.List.of("zh", "en");
}
