package com.careflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.careflow.support.MovableClock;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;

/**
 * SPEC §7.9: visitors who have not signed in cannot fill the database with sessions. Each
 * request below passes the ration on its way to a stand-in for Camunda's web-app filters, which
 * start a session for every visitor as the real ones do.
 */
class AnonymousSessionsTest {

  private final MovableClock clock = new MovableClock();
  private final AnonymousSessions.Ration ration = new AnonymousSessions.Ration(
      new ObjectMapper(), clock, 3, Duration.ofMinutes(10));
  private final AtomicInteger served = new AtomicInteger();

  @Test
  void anAddressStartsItsRationOfSessionsAMinuteEachShortLivedThenWaits() throws Exception {
    for (int visit = 1; visit <= 3; visit++) {
      MockHttpServletRequest request = visit("10.0.0.9");
      assertThat(request.getSession(false)).as("visit " + visit).isNotNull();
      assertThat(request.getSession(false).getMaxInactiveInterval())
          .as("before signing in: 10 minutes").isEqualTo(600);
    }
    MockHttpServletResponse refused = new MockHttpServletResponse();
    MockHttpServletRequest fourth = request("10.0.0.9");
    ration.doFilter(fourth, refused, (request, response) -> startSession(request));
    assertThat(refused.getStatus()).isEqualTo(429);
    assertThat(refused.getHeader("Retry-After")).isEqualTo("60");
    assertThat(refused.getContentType()).isEqualTo("application/problem+json");
    assertThat(fourth.getSession(false)).as("no session started").isNull();
    assertThat(served).as("the web apps never saw it").hasValue(3);

    assertThat(visit("10.0.0.7").getSession(false)).as("another address").isNotNull();
    clock.advance(Duration.ofMinutes(1));
    assertThat(visit("10.0.0.9").getSession(false)).as("the next minute").isNotNull();
  }

  @Test
  void aVisitorWithASessionOfTheirOwnIsNeverHeldUpAndTheirSessionIsLeftAsItIs() throws Exception {
    for (int visit = 0; visit < 3; visit++) {
      visit("10.0.0.9");
    }
    MockHttpServletRequest signedIn = request("10.0.0.9");
    MockHttpSession own = new MockHttpSession();
    own.setMaxInactiveInterval(1800);
    signedIn.setSession(own);
    MockHttpServletResponse answer = new MockHttpServletResponse();
    ration.doFilter(signedIn, answer, (request, response) -> startSession(request));
    assertThat(answer.getStatus()).isEqualTo(200);
    assertThat(own.getMaxInactiveInterval()).isEqualTo(1800);
  }

  private MockHttpServletRequest visit(String address) throws Exception {
    MockHttpServletRequest request = request(address);
    MockHttpServletResponse response = new MockHttpServletResponse();
    ration.doFilter(request, response, (passed, ignored) -> startSession(passed));
    assertThat(response.getStatus()).isEqualTo(200);
    return request;
  }

  private static MockHttpServletRequest request(String address) {
    MockHttpServletRequest request = new MockHttpServletRequest("GET",
        "/camunda/app/tasklist/default/");
    request.setRemoteAddr(address);
    return request;
  }

  /** What Camunda's web-app filters do first: the visitor's session, made if there is none. */
  private void startSession(jakarta.servlet.ServletRequest request) {
    HttpSession session = ((HttpServletRequest) request).getSession(true);
    assertThat(session).isNotNull();
    served.incrementAndGet();
  }
}
