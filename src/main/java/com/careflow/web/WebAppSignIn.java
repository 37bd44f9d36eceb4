package com.careflow.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The web apps' login form (Tasklist, Cockpit, Admin post it to
 * {@code /camunda/api/admin/auth/user/{engine}/login/{app}}) under the same rule as the APIs
 * (SPEC §7.8, {@link SignInThrottle}): an address that keeps guessing an account's password
 * waits, and is answered 429 meanwhile; the account is never locked.
 */
@Configuration
public class WebAppSignIn {

  private static final int MAX_FORM_BYTES = 8 * 1024;

  @Bean
  FilterRegistrationBean<Throttle> webAppSignInThrottle(SignInThrottle throttle,
      ProblemResponses problems) {
    FilterRegistrationBean<Throttle> registration = new FilterRegistrationBean<>(
        new Throttle(throttle, problems));
    registration.addUrlPatterns("/camunda/api/admin/auth/user/*");
    registration.setDispatcherTypes(DispatcherType.REQUEST);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }

  static final class Throttle extends OncePerRequestFilter {

    private final SignInThrottle throttle;
    private final ProblemResponses problems;

    Throttle(SignInThrottle throttle, ProblemResponses problems) {
      this.throttle = throttle;
      this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
        FilterChain chain) throws ServletException, IOException {
      if (!"POST".equals(request.getMethod()) || !request.getRequestURI().contains("/login/")) {
        chain.doFilter(request, response);
        return;
      }
      byte[] form = BufferedBodyRequest.readAtMost(request.getInputStream(), MAX_FORM_BYTES);
      if (form == null) {
        response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        return;
      }
      String userId = username(new String(form, StandardCharsets.UTF_8));
      String address = request.getRemoteAddr();
      Duration wait = throttle.waitBeforeTrying(userId, address);
      if (!wait.isZero()) {
        problems.tooManyAttempts(request, response, Math.max(1, wait.toSeconds()));
        return;
      }
      chain.doFilter(new BufferedBodyRequest(request, form), response);
      if (response.getStatus() == HttpServletResponse.SC_OK) {
        throttle.succeeded(userId, address);
      } else if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
        throttle.failed(userId, address); // a wrong password (403 is a missing CSRF token or app)
      }
    }

    private static String username(String form) {
      for (String pair : form.split("&")) {
        int equals = pair.indexOf('=');
        if (equals > 0 && pair.substring(0, equals).equals("username")) {
          return URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
        }
      }
      return "";
    }
  }
}
