package com.careflow.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * SPEC §7.7: CareFlow's API reads JSON strictly, so that a request is stored as it was meant or
 * refused with 400 naming the field. Besides the settings in {@code application.yml}
 * (duplicate keys, trailing garbage, coercion between strings and numbers):
 * <ul>
 *   <li>a date is {@code YYYY-MM-DD} with a four-digit year from 1000 to 9999: not a number of
 *       days, not a date-time cut to its date, not the year -999999999;
 *   <li>a number, or true/false, is never taken for text;
 *   <li>text never holds the NUL character (PostgreSQL cannot store it), nor half of a UTF-16
 *       surrogate pair (no character at all);
 *   <li>a code is its name, never its position in the list ({@code "type": 0});
 *   <li>a field the endpoint does not know is refused, not dropped ({@code claimedAmout}).
 * </ul>
 */
@Configuration
public class StrictJson {

  /** Registered after Jackson's own date module, so that it reads every {@link LocalDate}. */
  @Bean
  Module strictDatesAndText() {
    return new SimpleModule("careflow-strict-json")
        .addDeserializer(LocalDate.class, new IsoDate())
        .addDeserializer(String.class, new Text());
  }

  /** Text as Jackson reads it, without the NUL character, which PostgreSQL cannot store. */
  static final class Text extends StdScalarDeserializer<String> {

    Text() {
      super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      String text = StringDeserializer.instance.deserialize(parser, context);
      if (text != null && text.indexOf('\u0000') >= 0) {
        return (String) context.handleWeirdStringValue(String.class, "\\u0000",
            "must not contain the NUL character");
      }
      if (text != null && hasUnpairedSurrogate(text)) {
        return (String) context.handleWeirdStringValue(String.class, "\\uD800",
            "must be text: half of a UTF-16 surrogate pair is not a character");
      }
      return text;
    }

    /** Whether the text holds half a surrogate pair (JSON's "\\ud800" alone), not a character. */
    static boolean hasUnpairedSurrogate(String text) {
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c) && i + 1 < text.length()
            && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
        } else if (Character.isSurrogate(c)) {
          return true;
        }
      }
      return false;
    }
  }

  @Bean
  Jackson2ObjectMapperBuilderCustomizer noTextFromNumbers() {
    return builder -> builder.postConfigurer(mapper ->
        mapper.coercionConfigFor(LogicalType.Textual)
            .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
            .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
  }

  /** {@code YYYY-MM-DD}, years 1000 to 9999, and a real day of the calendar. */
  static final class IsoDate extends StdScalarDeserializer<LocalDate> {

    private static final Pattern SHAPE = Pattern.compile("[1-9]\\d{3}-\\d{2}-\\d{2}");

    IsoDate() {
      super(LocalDate.class);
    }

    @Override
    public LocalDate deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      if (parser.currentToken() != JsonToken.VALUE_STRING) {
        return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
      }
      String text = parser.getText(); // exactly: not " 2026-11-01", not "2026-11-01\\u0000"
      if (SHAPE.matcher(text).matches()) {
        try {
          return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
          // 2026-02-30: refused below
        }
      }
      return (LocalDate) context.handleWeirdStringValue(LocalDate.class, text,
          "must be a date YYYY-MM-DD");
    }
  }
}
