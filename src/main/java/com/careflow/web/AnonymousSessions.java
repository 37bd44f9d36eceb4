package com.careflow.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The web apps' sessions of people who have not signed in (SPEC §7.9): Camunda's web apps give
 * every visitor a session at the first request (for the sign-in form's CSRF token), and the
 * sessions live in the database, so anyone could fill it with rows by loading the Tasklist page
 * again and again. A session nobody has signed into is therefore
 * <ul>
 *   <li>short-lived: it ends after {@code careflow.web.sessions.before-sign-in} (10 minutes)
 *       without a request, instead of the 30 minutes of a signed-in one (signing in gives a
 *       new session, which has those);
 *   <li>rationed per client address: at most {@code careflow.web.sessions.new-per-minute} (30)
 *       are started from one address in a minute; a request that would start one more is
 *       answered {@code 429} with {@code Retry-After}, and nothing is written.
 * </ul>
 * A visitor's browser keeps its session cookie, so a person loads the page many times on one
 * session; the ration counts fresh browsers. Counts live in this node's memory, bounded.
 */
@Configuration
public class AnonymousSessions {

  @Bean
  FilterRegistrationBean<Ration> anonymousSessionRation(ObjectMapper json,
      @Value("${careflow.web.sessions.new-per-minute:30}") int perMinute,
      @Value("${careflow.web.sessions.before-sign-in:10m}") Duration beforeSignIn) {
    FilterRegistrationBean<Ration> registration = new FilterRegistrationBean<>(
        new Ration(json, Clock.systemUTC(), perMinute, beforeSignIn));
    // inside Spring Session's filter (which reads and writes the database's sessions), ahead of
    // the web apps' own filters, which start a visitor's session
    registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER + 1);
    registration.addUrlPatterns("/camunda/*");
    registration.setDispatcherTypes(DispatcherType.REQUEST);
    return registration;
  }

  /** Starts a session for a request that came without one only within its address's ration. */
  static final class Ration extends OncePerRequestFilter {

    private static final int MAX_TRACKED = 100_000;

    private final ObjectMapper json;
    private final Clock clock;
    private final int perMinute;
    private final int beforeSignInSeconds;
    private final Map<String, long[]> started = new ConcurrentHashMap<>();

    Ration(ObjectMapper json, Clock clock, int perMinute, Duration beforeSignIn) {
      this.json = json;
      this.clock = clock;
      this.perMinute = perMinute;
      this.beforeSignInSeconds = Math.toIntExact(beforeSignIn.toSeconds());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
        FilterChain chain) throws ServletException, IOException {
      if (request.getSession(false) != null) {
        chain.doFilter(request, response); // a session of its own (signing in renews it)
        return;
      }
      try {
        chain.doFilter(new Rationed(request), response);
      } catch (NoSessionLeft refused) {
        if (response.isCommitted()) {
          throw refused;
        }
        response.setHeader("Retry-After", "60");
        RequestLimits.problem(json, request, response, HttpStatus.TOO_MANY_REQUESTS,
            "Too many new sessions from this address; try again in a minute.");
      }
    }

    /** Takes one new session from the address's ration of this minute; false when none is left. */
    boolean take(String address) {
      long minute = clock.millis() / 60_000;
      if (started.size() >= MAX_TRACKED) {
        started.values().removeIf(entry -> entry[0] != minute);
        if (started.size() >= MAX_TRACKED) {
          started.clear(); // under a flood of addresses: start afresh rather than grow
        }
      }
      long[] entry = started.compute(address, (key, old) ->
          old == null || old[0] != minute ? new long[] {minute, 1} : new long[] {minute, old[1] + 1});
      return entry[1] <= perMinute;
    }

    /** The request whose first session is short-lived and counted. */
    private final class Rationed extends HttpServletRequestWrapper {

      Rationed(HttpServletRequest request) {
        super(request);
      }

      @Override
      public HttpSession getSession() {
        return getSession(true);
      }

      @Override
      public HttpSession getSession(boolean create) {
        HttpSession session = super.getSession(false);
        if (session != null || !create) {
          return session;
        }
        if (!take(getRemoteAddr())) {
          throw new NoSessionLeft();
        }
        session = super.getSession(true);
        session.setMaxInactiveInterval(beforeSignInSeconds);
        return session;
      }
    }
  }

  /** No session is left in the address's ration of this minute. */
  static final class NoSessionLeft extends RuntimeException {
    NoSessionLeft() {
      super("no new session left for this address this minute", null, false, false);
    }
  }
}
