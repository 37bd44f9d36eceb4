package com.careflow.locale;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What a person reads for a code (SPEC §6 codes stay codes in the API): {@code PRODUCT_QUALITY}
 * is 产品质量 in Chinese, "Product quality" in English. The texts are in
 * {@code i18n/messages*.properties}, keyed {@code code.<set>.<CODE>}; a code without a label
 * reads as itself.
 */
@Component
public class Labels {

  private final MessageSource messages;
  private final Locale company;

  public Labels(MessageSource messages, LocaleProperties locale) {
    this.messages = messages;
    this.company = Locale.forLanguageTag(locale.defaultLanguage());
  }

  /** The label of {@code code} in the set (e.g. {@code category}), in {@code locale}. */
  public String of(String set, Object code, Locale locale) {
    if (code == null) {
      return null;
    }
    return messages.getMessage("code." + set + "." + code, null, code.toString(), locale);
  }

  /** A text of the catalogue, e.g. {@code csv.number}. */
  public String text(String key, Locale locale, Object... arguments) {
    return messages.getMessage(key, arguments, key, locale);
  }

  /** The company's language, for what is written without a reader's browser (notices, files). */
  public Locale company() {
    return company;
  }
}
