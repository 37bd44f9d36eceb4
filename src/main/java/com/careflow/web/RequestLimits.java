package com.careflow.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Set;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * SPEC §7.7 at the edge: what is not a request gets a 4xx problem, never a 500.
 * <ul>
 *   <li>a body larger than CareFlow's API takes ({@value #API_BODY_BYTES} bytes; the engine's
 *       REST API and the web apps {@value #ENGINE_BODY_BYTES}, for deployments) is refused with
 *       {@code 413} before it is read;
 *   <li>a path Spring Security's firewall refuses ({@code ;} parameters, {@code ..}, encoded
 *       slashes, {@code //}) is {@code 400};
 *   <li>{@code /error}, the servlet container's error page, is not a page of its own: asked for
 *       directly it is {@code 404};
 *   <li>a JSON body for the engine's REST API or the web apps' that is not one JSON object or
 *       array, holds a key twice, or nests deeper than JSON readers go, is {@code 400}
 *       ({@link EngineJson}): Camunda would answer {@code 500}, or take the last of two values.
 * </ul>
 */
@Configuration
public class RequestLimits {

  static final int API_BODY_BYTES = 256 * 1024;
  static final int ENGINE_BODY_BYTES = 10 * 1024 * 1024;
  private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH", "DELETE");

  @Bean
  FilterRegistrationBean<EdgeChecks> requestEdgeChecks(ObjectMapper json) {
    FilterRegistrationBean<EdgeChecks> registration = new FilterRegistrationBean<>(
        new EdgeChecks(json));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    registration.addUrlPatterns("/*");
    registration.setDispatcherTypes(DispatcherType.REQUEST);
    return registration;
  }

  @Bean
  RequestRejectedHandler badPathsAre400(ObjectMapper json) {
    return (request, response, rejected) -> problem(json, request, response,
        HttpStatus.BAD_REQUEST, "This path is not one CareFlow serves: " + rejected.getMessage());
  }

  static void problem(ObjectMapper json, HttpServletRequest request,
      HttpServletResponse response, HttpStatus status, String detail) throws IOException {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    try {
      problem.setInstance(URI.create(request.getRequestURI()));
    } catch (IllegalArgumentException notAUri) {
      // a path the firewall refused may not even be a URI: leave it out
    }
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem);
  }

  /**
   * Refuses odd paths (400, with Spring Security's own firewall, before Spring's path parsing
   * can fail on them), direct requests for the error page (404) and oversized bodies (413).
   */
  static final class EdgeChecks extends OncePerRequestFilter {

    private static final StrictHttpFirewall FIREWALL = new StrictHttpFirewall();

    private final ObjectMapper json;

    EdgeChecks(ObjectMapper json) {
      this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
        FilterChain chain) throws ServletException, IOException {
      try {
        FIREWALL.getFirewalledRequest(request); // before anything parses the path
      } catch (RequestRejectedException rejected) {
        problem(json, request, response, HttpStatus.BAD_REQUEST,
            "This path is not one CareFlow serves: " + rejected.getMessage());
        return;
      }
      String path = request.getRequestURI().substring(request.getContextPath().length());
      if (path.equals("/error") || path.startsWith("/error/")) {
        problem(json, request, response, HttpStatus.NOT_FOUND, "No such page.");
        return;
      }
      if (!WITH_BODY.contains(request.getMethod())) {
        chain.doFilter(request, response);
        return;
      }
      int limit = path.startsWith("/api/") ? API_BODY_BYTES : ENGINE_BODY_BYTES;
      long declared = request.getContentLengthLong();
      if (declared > limit) {
        tooLarge(request, response, limit);
        return;
      }
      String decoded = request.getServletPath()
          + (request.getPathInfo() == null ? "" : request.getPathInfo());
      boolean engineJson = EngineJson.applies(decoded, request.getContentType());
      if (declared >= 0 && !engineJson) {
        chain.doFilter(request, response);
        return;
      }
      byte[] body = BufferedBodyRequest.readAtMost(request.getInputStream(), limit);
      if (body == null) {
        tooLarge(request, response, limit);
        return;
      }
      String wrong = engineJson ? EngineJson.problem(decoded, body) : null;
      if (wrong != null) {
        problem(json, request, response, HttpStatus.BAD_REQUEST, wrong);
        return;
      }
      chain.doFilter(new BufferedBodyRequest(request, body), response);
    }

    private void tooLarge(HttpServletRequest request, HttpServletResponse response, int limit)
        throws IOException {
      problem(json, request, response, HttpStatus.PAYLOAD_TOO_LARGE,
          "The request body is larger than the " + limit / 1024 + " KB this endpoint takes.");
    }
  }
}
