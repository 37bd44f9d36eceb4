package com.careflow.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While the database cannot be reached (down, restarting, failing over), every request that
 * needs it, from the sign-in of a REST call to the last write, is answered 503 problem+json
 * with Retry-After, never 500: the failure usually surfaces before any controller, when the
 * caller's password is checked. The connection pool reconnects by itself once the database is
 * back (issue 17). Ahead of the web apps' sessions (read from the database) and of Spring
 * Security's filters.
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseUnavailableFilter {

  private static final Logger LOG = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> databaseUnavailable(DataSource database) {
    FilterRegistrationBean<OncePerRequestFilter> registration =
        new FilterRegistrationBean<>(new OncePerRequestFilter() {
          @Override
          protected void doFilterInternal(HttpServletRequest request,
              HttpServletResponse response, FilterChain chain)
              throws ServletException, IOException {
            try {
              chain.doFilter(request,
                  new UnavailableInsteadOfError(request, response, database));
            } catch (ServletException | RuntimeException failure) {
              if (response.isCommitted()
                  || !DatabaseFailures.isUnavailable(failure, database)) {
                throw failure;
              }
              LOG.warn("{} {}: the database cannot be reached; answered 503",
                  request.getMethod(), request.getRequestURI());
              response.reset();
              response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
              response.setHeader("Retry-After", DatabaseFailures.RETRY_AFTER);
              response.setContentType("application/problem+json");
              response.setCharacterEncoding("UTF-8");
              response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Service "
                  + "unavailable\",\"status\":503,\"detail\":\"" + DatabaseFailures.DETAIL
                  + "\"}");
            }
          }
        });
    registration.setName("careflow-database-unavailable");
    // before the web apps' sessions are read from the database, and Spring Security (-100)
    registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 10);
    return registration;
  }

  /**
   * A response whose error status 500 becomes 503 with Retry-After when the database cannot be
   * reached at that moment. Camunda's REST resources (/engine-rest and the web apps' own engine
   * API) turn an engine failure into a 500 themselves, after the sign-in: a Cockpit session
   * signed in before the database went away, or a request the database left midway, would
   * otherwise read 500. Their body stays Camunda's error JSON, which their clients read.
   */
  private static final class UnavailableInsteadOfError extends HttpServletResponseWrapper {

    private final HttpServletRequest request;
    private final DataSource database;

    UnavailableInsteadOfError(HttpServletRequest request, HttpServletResponse response,
        DataSource database) {
      super(response);
      this.request = request;
      this.database = database;
    }

    @Override
    public void setStatus(int status) {
      super.setStatus(unavailableInsteadOf(status));
    }

    @Override
    public void sendError(int status) throws IOException {
      super.sendError(unavailableInsteadOf(status));
    }

    @Override
    public void sendError(int status, String message) throws IOException {
      super.sendError(unavailableInsteadOf(status), message);
    }

    private int unavailableInsteadOf(int status) {
      if (status != SC_INTERNAL_SERVER_ERROR || DatabaseFailures.isReachable(database)) {
        return status;
      }
      LOG.warn("{} {}: failed while the database cannot be reached; answered 503",
          request.getMethod(), request.getRequestURI());
      setHeader("Retry-After", DatabaseFailures.RETRY_AFTER);
      return SC_SERVICE_UNAVAILABLE;
    }
  }
}
