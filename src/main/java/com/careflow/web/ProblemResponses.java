package com.careflow.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/** Answers unauthenticated (401) and forbidden (403) API calls with a problem+json body. */
@Component
public class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

  static final String REALM = "CareFlow";

  private final ObjectMapper json;

  public ProblemResponses(ObjectMapper json) {
    this.json = json;
  }

  @Override
  public void commence(HttpServletRequest request, HttpServletResponse response,
      AuthenticationException failure) throws IOException {
    if (failure instanceof SignInThrottledException throttled) {
      tooManyAttempts(request, response, throttled.retryAfterSeconds());
      return;
    }
    response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\"");
    write(request, response, HttpStatus.UNAUTHORIZED,
        "Send the HTTP Basic credentials of a CareFlow user (the same as for Tasklist).");
  }

  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response,
      AccessDeniedException denied) throws IOException {
    write(request, response, HttpStatus.FORBIDDEN,
        "Your groups do not allow this request.");
  }

  /** 429 with Retry-After: the password was not even checked (SPEC §7.8). */
  void tooManyAttempts(HttpServletRequest request, HttpServletResponse response,
      long retryAfterSeconds) throws IOException {
    response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
    write(request, response, HttpStatus.TOO_MANY_REQUESTS, "Too many wrong passwords for this "
        + "account from your address: try again in " + retryAfterSeconds + " s. The account "
        + "itself is not locked.");
  }

  private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
      String detail) throws IOException {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setInstance(URI.create(request.getRequestURI()));
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem);
  }
}
