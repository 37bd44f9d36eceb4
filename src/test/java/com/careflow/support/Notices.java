package com.careflow.support;

import com.careflow.locale.Labels;
import com.careflow.locale.LocaleProperties;
import com.careflow.notify.NoticeTemplates;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The customer notices' texts ({@code notices/}) in a language, for process tests. */
public final class Notices {

  private Notices() {}

  public static NoticeTemplates in(String language) {
    ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    messages.setBasename("i18n/messages");
    messages.setDefaultEncoding("UTF-8");
    messages.setFallbackToSystemLocale(false);
    return new NoticeTemplates(new Labels(messages, new LocaleProperties(language)));
  }
}
