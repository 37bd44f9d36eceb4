package com.careflow.access;

import com.careflow.process.EngineClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * The fields of a deployed Camunda Form, as far as access is concerned (SPEC §7.1): which keys
 * a person shows and which they fill in, with the checks the form itself states (required,
 * type, options, bounds). A form is the window a task opens onto its case: its holder reads
 * its fields and sets its editable fields, nothing else.
 */
record CamundaForm(String id, Map<String, Field> fields) {

  /** Camunda stores a string variable in a column of 4000 characters. */
  static final int MAX_TEXT = 4000;

  /**
   * @param editable neither disabled nor read-only: the person fills it in
   * @param conditional shown only under a condition, so never required here
   * @param options the allowed values of a select or radio with static options, else empty
   * @param valuesKey for a select or radio whose options come from the case (dynamic options):
   *     the variable holding them, a JSON array of {@code {"label", "value"}} (or of plain
   *     values) that the task sets, e.g. as an input parameter; else null
   * @param noPastDates a date field with form-js's {@code disallowPassedDates}: not before today
   *     (the engine's clock, the company's zone), e.g. a deadline the person sets
   */
  record Field(String key, String type, String label, boolean editable, boolean required,
      String hideWhen, Set<String> options, String valuesKey, BigDecimal min, BigDecimal max,
      Integer maxLength, boolean noPastDates) {}

  /**
   * Decides a field's {@code conditional.hide} (a FEEL expression, without its leading
   * {@code =}) over the case's values and the submitted ones, as Tasklist does while a person
   * fills in the form.
   */
  @FunctionalInterface
  interface Conditions {
    boolean hidden(String expression, Map<String, Object> submitted);
  }

  static CamundaForm parse(byte[] json, ObjectMapper mapper) {
    try {
      JsonNode schema = mapper.readTree(json);
      Map<String, Field> fields = new LinkedHashMap<>();
      collect(schema.path("components"), fields);
      return new CamundaForm(schema.path("id").asText(), Collections.unmodifiableMap(fields));
    } catch (IOException e) {
      throw new IllegalStateException("A deployed Camunda Form is not JSON", e);
    }
  }

  private static void collect(JsonNode components, Map<String, Field> fields) {
    for (JsonNode component : components) {
      collect(component.path("components"), fields);
      String key = component.path("key").asText(null);
      if (key == null || key.isBlank()) {
        continue;
      }
      JsonNode validate = component.path("validate");
      Set<String> options = new LinkedHashSet<>();
      component.path("values").forEach(option -> options.add(option.path("value").asText()));
      boolean readonly = component.path("readonly").isBoolean()
          && component.path("readonly").asBoolean();
      fields.put(key, new Field(key, component.path("type").asText(),
          component.path("label").asText(key),
          !component.path("disabled").asBoolean(false) && !readonly,
          validate.path("required").asBoolean(false),
          hideWhen(component.path("conditional").path("hide").asText(null)),
          Collections.unmodifiableSet(options),
          component.path("valuesKey").asText(null),
          validate.hasNonNull("min") ? validate.get("min").decimalValue() : null,
          validate.hasNonNull("max") ? validate.get("max").decimalValue() : null,
          validate.hasNonNull("maxLength") ? validate.get("maxLength").asInt() : null,
          component.path("disallowPassedDates").asBoolean(false)));
    }
  }

  private static String hideWhen(String expression) {
    if (expression == null || expression.isBlank()) {
      return null;
    }
    return expression.startsWith("=") ? expression.substring(1) : expression;
  }

  /** What is wrong with a submission: values the person may not set, and values not valid. */
  record Problems(List<String> forbidden, List<String> invalid, List<String> unchanged) {

    boolean any() {
      return !forbidden.isEmpty() || !invalid.isEmpty();
    }
  }

  /**
   * Checks submitted values against the form, as it stands with them (a field's condition may
   * hide it). A key the form does not have, or a shown field changed, is forbidden; a shown
   * field sent back unchanged is harmless (it is dropped); an editable field must have a value
   * of its type, among its options and within its bounds, and a hidden one none; a required
   * field, and a checkbox, must be there unless hidden.
   *
   * @param current the case's current value of a variable
   */
  Problems check(Map<String, Object> submitted, Function<String, Object> current,
      Conditions conditions) {
    List<String> forbidden = new ArrayList<>();
    List<String> invalid = new ArrayList<>();
    List<String> unchanged = new ArrayList<>();
    Map<String, Object> values = submitted == null ? Map.of() : submitted;
    values.forEach((key, raw) -> {
      Object value = unwrap(raw);
      Field field = fields.get(key);
      if (field == null) {
        forbidden.add(key + " is not a field of this form");
      } else if (!field.editable()) {
        if (same(value, current.apply(key))) {
          unchanged.add(key);
        } else {
          forbidden.add(key + " is shown by this form, not set by it");
        }
      } else if (hidden(field, values, conditions)) {
        if (!blank(value)) {
          invalid.add(key + " is not asked for with these answers");
        }
      } else {
        String problem = invalid(field, value, current);
        if (problem != null) {
          invalid.add(key + " " + problem);
        }
      }
    });
    for (Field field : fields.values()) {
      boolean mustBeThere = field.editable()
          && (field.required() || "checkbox".equals(field.type()))
          && !hidden(field, values, conditions);
      if (mustBeThere && blank(unwrap(values.get(field.key())))) {
        invalid.add(field.key() + " is required");
      }
    }
    return new Problems(forbidden, invalid, unchanged);
  }

  private static boolean hidden(Field field, Map<String, Object> values, Conditions conditions) {
    return field.hideWhen() != null && conditions.hidden(field.hideWhen(), values);
  }

  /**
   * The keys a person holding the task reads: every field of the form, and the variables its
   * selects take their options from (Tasklist reads them to show the choices).
   */
  Set<String> keys() {
    Set<String> keys = new LinkedHashSet<>(fields.keySet());
    fields.values().stream().map(Field::valuesKey).filter(Objects::nonNull).forEach(keys::add);
    return keys;
  }

  private static String invalid(Field field, Object value, Function<String, Object> current) {
    if (value == null) {
      return null;
    }
    switch (field.type()) {
      case "checkbox" -> {
        return value instanceof Boolean ? null : "must be true or false";
      }
      case "number" -> {
        BigDecimal number = number(value);
        if (number == null) {
          return "must be a number";
        }
        if (field.min() != null && number.compareTo(field.min()) < 0) {
          return "must be at least " + field.min().toPlainString();
        }
        if (field.max() != null && number.compareTo(field.max()) > 0) {
          return "must be at most " + field.max().toPlainString();
        }
        return null;
      }
      case "select", "radio" -> {
        Object offered = field.valuesKey() == null ? null : current.apply(field.valuesKey());
        if (field.valuesKey() != null && offered == null) {
          // the task offers its options from its creation: without them it was completed by
          // someone else while this request was checked (a race the engine answers with 409)
          throw new OptimisticLockingException("The task's options (" + field.valuesKey()
              + ") are gone: it was completed or changed by someone else meanwhile");
        }
        Set<String> options = field.valuesKey() == null ? field.options()
            : dynamicOptions(offered);
        if (!(value instanceof String text)) {
          return "must be one of " + shown(options);
        }
        return field.valuesKey() == null && options.isEmpty() || options.contains(text) ? null
            : "must be one of " + shown(options);
      }
      case "datetime" -> {
        if (!(value instanceof Date || value instanceof String text && isDate(text))) {
          return "must be a date (YYYY-MM-DD) or date-time";
        }
        return field.noPastDates() && day(value).isBefore(EngineClock.today(ZoneId.systemDefault()))
            ? "must not be in the past" : null;
      }
      case "textfield", "textarea" -> {
        if (!(value instanceof String text)) {
          return "must be text";
        }
        int limit = field.maxLength() == null ? MAX_TEXT : Math.min(field.maxLength(), MAX_TEXT);
        return text.length() > limit ? "must be at most " + limit + " characters" : null;
      }
      default -> {
        return null;
      }
    }
  }

  /** The day of a date field's value, as the form wrote it (the company's zone). */
  private static LocalDate day(Object value) {
    return value instanceof Date date ? LocalDate.ofInstant(date.toInstant(), ZoneId.systemDefault())
        : LocalDate.parse(((String) value).substring(0, 10));
  }

  /** Shown in a message: the first options, enough to recognise them. */
  private static String shown(Set<String> options) {
    return options.size() <= 20 ? options.toString()
        : options.stream().limit(20).toList().toString().replace("]", ", …] (the task's "
            + options.size() + " choices)");
  }

  private static final ObjectMapper OPTIONS = new ObjectMapper();

  /**
   * The values a task offers through a select's {@code valuesKey}: a JSON variable (Spin), JSON
   * text, or a list, of {@code {"label", "value"}} objects or plain values. Nothing offered,
   * nothing accepted.
   */
  static Set<String> dynamicOptions(Object variable) {
    Set<String> values = new LinkedHashSet<>();
    if (variable == null) {
      return values;
    }
    if (variable instanceof java.util.Collection<?> list) {
      for (Object option : list) {
        Object value = option instanceof Map<?, ?> map ? map.get("value") : option;
        if (value != null) {
          values.add(value.toString());
        }
      }
      return values;
    }
    try {
      JsonNode array = OPTIONS.readTree(variable.toString());
      for (JsonNode option : array) {
        JsonNode value = option.isObject() ? option.path("value") : option;
        if (value.isValueNode() && !value.isNull()) {
          values.add(value.asText());
        }
      }
    } catch (IOException notJson) {
      // not options at all: none offered
    }
    return values;
  }

  /** A typed value (as the REST API submits) read as its plain value; an object value as itself. */
  private static Object unwrap(Object value) {
    if (value instanceof ObjectValue) {
      return value;
    }
    return value instanceof TypedValue typed ? typed.getValue() : value;
  }

  /** YYYY-MM-DD, or a date-time that starts with one, of a four-digit year from 1000. */
  private static final java.util.regex.Pattern DATE_START =
      java.util.regex.Pattern.compile("[1-9]\\d{3}-\\d{2}-\\d{2}(T.*)?");

  private static boolean isDate(String text) {
    if (!DATE_START.matcher(text).matches()) {
      return false;
    }
    for (Function<String, ?> parser : List.<Function<String, ?>>of(LocalDate::parse,
        LocalDateTime::parse, OffsetDateTime::parse)) {
      try {
        parser.apply(text);
        return true;
      } catch (DateTimeParseException e) {
        // try the next shape
      }
    }
    return false;
  }

  private static BigDecimal number(Object value) {
    if (value instanceof Number number) {
      try {
        return new BigDecimal(number.toString());
      } catch (NumberFormatException e) {
        return null; // NaN, Infinity
      }
    }
    return null;
  }

  private static boolean blank(Object value) {
    return value == null || value instanceof String text && text.isBlank();
  }

  /** Equal as a person reads them: 3000 and 3000.0 are the same amount. */
  static boolean same(Object submitted, Object current) {
    BigDecimal a = number(submitted);
    BigDecimal b = number(current);
    if (a != null && b != null) {
      return a.compareTo(b) == 0;
    }
    if (submitted instanceof String text && current != null && !(current instanceof String)) {
      return text.equals(current.toString());
    }
    return Objects.equals(submitted, current);
  }
}
