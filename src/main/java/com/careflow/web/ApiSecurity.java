package com.careflow.web;

import jakarta.servlet.Filter;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Security of the programmatic APIs. Every call to {@code /engine-rest/**} (Camunda's REST API),
 * {@code /api/**} and {@code /reports/**} (CareFlow's) needs HTTP Basic credentials of a
 * Camunda user; without them the answer is 401 with a problem+json body. The calls are
 * stateless (no session cookie), so CSRF tokens do not apply to them.
 *
 * <p>The web apps (Tasklist, Cockpit, Admin under {@code /camunda}) are not matched here: they
 * keep their own login, session and CSRF protection. Actuator exposes only health.
 */
@Configuration
@EnableMethodSecurity
public class ApiSecurity {

  /**
   * Matched on the whole path: {@code /engine-rest} is served by Camunda's Jersey servlet, which
   * Spring Security's default (Spring MVC) matchers do not see.
   */
  static final RequestMatcher API_PATHS = new OrRequestMatcher(
      PathPatternRequestMatcher.withDefaults().matcher("/engine-rest/**"),
      PathPatternRequestMatcher.withDefaults().matcher("/api/**"),
      PathPatternRequestMatcher.withDefaults().matcher("/reports/**"));

  @Bean
  SecurityFilterChain apiFilterChain(HttpSecurity http, ProblemResponses problems) throws Exception {
    return http
        .securityMatcher(API_PATHS)
        .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
        .httpBasic(basic -> basic.realmName(ProblemResponses.REALM)
            .authenticationEntryPoint(problems))
        .exceptionHandling(errors -> errors.authenticationEntryPoint(problems)
            .accessDeniedHandler(problems))
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(AbstractHttpConfigurer::disable)
        .build();
  }

  /**
   * Hands the user Spring Security authenticated to the engine for each REST call, so Camunda's
   * authorization checks apply to what the caller may see and do.
   */
  @Bean
  FilterRegistrationBean<Filter> engineRestAuthentication() {
    FilterRegistrationBean<Filter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("camunda-rest-authentication");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        SignedInEngineUser.class.getName());
    registration.addUrlPatterns("/engine-rest/*");
    return registration;
  }
}
