package com.careflow.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.validation.ConstraintViolation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.MessageSourceResolvable;
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
      return badRequest(List.of(new FieldProblem(field, "has a value of the wrong type or format")));
    }
    return badRequest(List.of(new FieldProblem("body", "is not readable JSON")));
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

  static ResponseEntity<Object> badRequest(List<FieldProblem> problems) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        "Invalid " + problems.stream().map(FieldProblem::field).filter(Objects::nonNull)
            .distinct().collect(Collectors.joining(", ")));
    problem.setTitle("Invalid request");
    problem.setProperty("errors", problems);
    return ResponseEntity.badRequest().body(problem);
  }
}
