package com.careflow.notify;

import com.careflow.locale.Labels;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The customer notices' texts, written by the process owner in {@code notices/} (one file per
 * notice and language, {@code notices/README.md}), in the company's language. {@code {name}} is a
 * value of the case, {@code {name:set}} the label of its code. Every notice CareFlow sends must
 * have its text: a missing one stops the start.
 */
@Component
public class NoticeTemplates {

  /** Every notice CareFlow sends, and the subjects of its e-mails. */
  public static final List<String> NOTICES = List.of("customer-subject", "staff-task",
      "staff-task-subject", "staff-overdue", "staff-overdue-subject", "staff-written-complaint",
      "staff-written-complaint-subject", "complaint-acknowledgement",
      "complaint-explanation", "complaint-outcome", "complaint-outcome-return",
      "complaint-suggestion-promise", "complaint-suggestion-adopted",
      "complaint-suggestion-declined", "complaint-reference",
      "return-rejection", "return-form-rejection", "return-settlement-RETURN",
      "return-settlement-REPROCESS", "return-settlement-EXCHANGE", "return-settlement-DISCOUNT",
      "return-settlement-COMPENSATION");

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)"
      + "(?::([A-Za-z][A-Za-z0-9]*))?}");

  private final Labels labels;
  private final Locale language;
  private final Map<String, String> texts = new ConcurrentHashMap<>();

  public NoticeTemplates(Labels labels) {
    this.labels = labels;
    this.language = labels.company();
    NOTICES.forEach(this::text); // fail at start, not when a customer is waiting
  }

  /** The notice's text with the case's values. */
  public String render(String notice, Function<String, Object> values) {
    Matcher placeholder = PLACEHOLDER.matcher(text(notice));
    StringBuilder rendered = new StringBuilder();
    while (placeholder.find()) {
      Object value = values.apply(placeholder.group(1));
      String shown = value == null ? ""
          : placeholder.group(2) == null ? value.toString()
          : labels.of(placeholder.group(2), value, language);
      placeholder.appendReplacement(rendered, Matcher.quoteReplacement(shown));
    }
    placeholder.appendTail(rendered);
    return rendered.toString().trim();
  }

  private String text(String notice) {
    return texts.computeIfAbsent(notice, name -> {
      String path = "notices/" + name + "." + language.getLanguage() + ".txt";
      try (InputStream in = new ClassPathResource(path).getInputStream()) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
      } catch (IOException e) {
        throw new IllegalStateException("The customer notice " + path + " is missing: write "
            + "its text in notices/ (see notices/README.md)", e);
      }
    });
  }
}
