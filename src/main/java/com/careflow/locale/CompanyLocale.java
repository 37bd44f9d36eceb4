package com.careflow.locale;

import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * CareFlow's own pages (the report page, the CSV) in the reader's language when their browser
 * asks for Chinese or English, else in the company's ({@link LocaleProperties}), as the
 * Camunda web apps do.
 */
@Configuration
public class CompanyLocale {

  @Bean
  LocaleResolver localeResolver(LocaleProperties locale) {
    AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();
    resolver.setSupportedLocales(supported());
    resolver.setDefaultLocale(Locale.forLanguageTag(locale.defaultLanguage()));
    return resolver;
  }

  static List<Locale> supported() {
    return LocaleProperties.LANGUAGES.stream().map(Locale::forLanguageTag).toList();
  }
}
