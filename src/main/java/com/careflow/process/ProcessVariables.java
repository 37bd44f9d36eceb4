package com.careflow.process;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Reads a case's variables as the types CareFlow means, whichever way they were written:
 * Tasklist's forms send numbers as Long or Double and dates as ISO strings, the APIs and the
 * engine write Integer, Date and so on. A variable that is absent or blank reads as null.
 */
public final class ProcessVariables {

  private ProcessVariables() {}

  public static String text(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    return value == null || value.toString().isBlank() ? null : value.toString();
  }

  public static Integer integer(VariableScope scope, String name) {
    BigDecimal value = decimal(scope, name);
    return value == null ? null : value.intValueExact();
  }

  public static BigDecimal decimal(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    if (value instanceof Number number) {
      return new BigDecimal(number.toString());
    }
    String text = text(scope, name);
    return text == null ? null : new BigDecimal(text.trim());
  }

  public static Boolean flag(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    return value == null ? null : Boolean.valueOf(value.toString());
  }

  /** A date variable: an ISO date (a form's date field), or a Date seen in {@code zone}. */
  public static LocalDate date(VariableScope scope, String name, ZoneId zone) {
    Object value = scope.getVariable(name);
    if (value instanceof Date date) {
      return LocalDate.ofInstant(date.toInstant(), zone);
    }
    String text = text(scope, name);
    return text == null ? null : LocalDate.parse(text.substring(0, Math.min(10, text.length())));
  }
}
