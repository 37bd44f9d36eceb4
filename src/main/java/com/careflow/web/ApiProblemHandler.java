package com.careflow.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.validation.ConstraintViolation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.NonNull;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Bad input to CareFlow's {@code /api} answers 400 {@code application/problem+json} with an
 * {@code errors} list naming each bad field, e.g.
 * {@code {"field": "customer.phone", "message": "must not be blank"}}. Nothing else leaks: no
 * stack trace, no exception class names.
 */
@RestControllerAdvice(basePackages = "com.careflow")
public class ApiProblemHandler extends ResponseEntityExceptionHandler {

  private final DataSource database;

  public ApiProblemHandler(DataSource database) {
    this.database = database;
  }

  /** One bad field of a request and what is wrong with it. */
  public record FieldProblem(String field, String message) {

    /** The Bean Validation violations of a request, one problem each. */
    public static List<FieldProblem> of(Set<? extends ConstraintViolation<?>> violations) {
      return violations.stream()
          .map(violation -> new FieldProblem(violation.getPropertyPath().toString(),
              violation.getMessage()))
          .collect(Collectors.toCollection(ArrayList::new));
    }
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      @NonNull MethodArgumentNotValidException ex, @NonNull HttpHeaders headers,
      @NonNull HttpStatusCode status, @NonNull WebRequest request) {
    List<FieldProblem> problems = ex.getBindingResult().getAllErrors().stream()
        .map(error -> new FieldProblem(
            error instanceof FieldError field ? field.getField() : error.getObjectName(),
            error.getDefaultMessage()))
        .toList();
    return badRequest(problems);
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      @NonNull HandlerMethodValidationException ex, @NonNull HttpHeaders headers,
      @NonNull HttpStatusCode status, @NonNull WebRequest request) {
    List<FieldProblem> problems = ex.getParameterValidationResults().stream()
        .flatMap(result -> {
          if (result instanceof ParameterErrors body) {
            // a @Valid request body validated with the method: name the body's fields
            return body.getFieldErrors().stream()
                .map(error -> new FieldProblem(error.getField(), error.getDefaultMessage()));
          }
          RequestParam param = result.getMethodParameter().getParameterAnnotation(RequestParam.class);
          RequestHeader header =
              result.getMethodParameter().getParameterAnnotation(RequestHeader.class);
          String name = param != null && !param.name().isEmpty() ? param.name()
              : header != null && !header.name().isEmpty() ? header.name()
              : result.getMethodParameter().getParameterName();
          return result.getResolvableErrors().stream()
              .map(MessageSourceResolvable::getDefaultMessage)
              .map(message -> new FieldProblem(name, message));
        })
        .toList();
    return badRequest(problems);
  }

  @Override
  protected ResponseEntity<Object> handleMissingServletRequestParameter(
      @NonNull MissingServletRequestParameterException ex, @NonNull HttpHeaders headers,
      @NonNull HttpStatusCode status, @NonNull WebRequest request) {
    return badRequest(List.of(new FieldProblem(ex.getParameterName(), "is required")));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      @NonNull HttpMessageNotReadableException ex, @NonNull HttpHeaders headers,
      @NonNull HttpStatusCode status, @NonNull WebRequest request) {
    if (ex.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field = mapping.getPath().stream()
          .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
          .collect(Collectors.joining(".")).replace(".[", "[");
      return badRequest(List.of(new FieldProblem(field, expected(mapping))));
    }
    String reason = ex.getCause() instanceof JsonProcessingException json
        && json.getOriginalMessage() != null
        ? ": " + json.getOriginalMessage().lines().findFirst().orElse("") : "";
    return badRequest(List.of(new FieldProblem("body", "is not valid JSON" + reason)));
  }

  /** What a field's value should have been, as its reader says. */
  private static String expected(JsonMappingException mapping) {
    Class<?> type = mapping instanceof MismatchedInputException input ? input.getTargetType()
        : null;
    if (type == null) {
      return "has a value of the wrong type or format";
    }
    if (type == java.time.LocalDate.class) {
      return "must be a date YYYY-MM-DD";
    }
    if (type.isEnum()) {
      return "must be one of " + java.util.Arrays.toString(type.getEnumConstants());
    }
    if (Number.class.isAssignableFrom(type) || type == int.class || type == long.class
        || type == double.class) {
      return "must be a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "must be true or false";
    }
    if (type == String.class) {
      return "must be text";
    }
    return "has a value of the wrong type or format";
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<Object> handleTypeMismatch(MethodArgumentTypeMismatchException ex) {
    String expected = ex.getRequiredType() == null ? "value" : ex.getRequiredType().getSimpleName();
    return badRequest(List.of(new FieldProblem(ex.getName(), "is not a valid " + expected)));
  }

  @ExceptionHandler(InvalidRequestException.class)
  ResponseEntity<Object> handleInvalidRequest(InvalidRequestException ex) {
    return badRequest(ex.problems());
  }

  /**
   * The database cannot be reached (down, restarting, failing over): 503 with Retry-After, so a
   * client or load balancer tries again; the node recovers by itself when it is back (issue 17).
   * Camunda wraps the same failure in a ProcessEngineException.
   */
  @ExceptionHandler({DataAccessResourceFailureException.class,
      CannotCreateTransactionException.class, TransientDataAccessException.class})
  ResponseEntity<Object> handleDatabaseUnavailable(Exception ex) {
    return databaseUnavailable();
  }

  @ExceptionHandler(ProcessEngineException.class)
  ResponseEntity<Object> handleEngineFailure(ProcessEngineException ex) throws Exception {
    if (DatabaseFailures.isUnavailable(ex, database)) {
      return databaseUnavailable();
    }
    throw ex;
  }

  private static ResponseEntity<Object> databaseUnavailable() {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
        DatabaseFailures.DETAIL);
    problem.setTitle("Service unavailable");
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header("Retry-After", DatabaseFailures.RETRY_AFTER).body(problem);
  }

  static ResponseEntity<Object> badRequest(List<FieldProblem> problems) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        "Invalid " + problems.stream().map(FieldProblem::field).filter(Objects::nonNull)
            .distinct().collect(Collectors.joining(", ")));
    problem.setTitle("Invalid request");
    problem.setProperty("errors", problems);
    return ResponseEntity.badRequest().body(problem);
  }
}
