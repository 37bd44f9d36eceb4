package com.careflow.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While the database cannot be reached (down, restarting, failing over), every request that
 * needs it, from the sign-in of a REST call to the last write, is answered 503 problem+json
 * with Retry-After, never 500: the failure usually surfaces before any controller, when the
 * caller's password is checked. The connection pool reconnects by itself once the database is
 * back (issue 17). Ahead of Spring Security's filters.
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
              chain.doFilter(request, response);
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
    registration.setOrder(-200); // before Spring Security (-100)
    return registration;
  }
}
