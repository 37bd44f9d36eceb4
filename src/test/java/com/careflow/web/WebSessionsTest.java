package com.careflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.careflow.support.CareFlowSpringTest;
import com.careflow.support.WebAppSession;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The web apps' sessions live in the database (Spring Session JDBC), where every node of a
 * cluster finds them (cluster.TwoNodesIT signs in on one node and works on the other): the
 * session a person signs in with is a new one, kept in the database, and after signing out its
 * cookie signs nobody in.
 */
@CareFlowSpringTest
class WebSessionsTest {

  @LocalServerPort private int port;
  @Autowired private JdbcTemplate jdbc;

  @Test
  void aSignInIsANewSessionInTheDatabaseAndSigningOutEndsIt() throws Exception {
    WebAppSession browser = new WebAppSession(port);
    assertThat(browser.login("agent", "demo", "tasklist", true).statusCode()).isEqualTo(200);
    String session = sessionId(browser);
    assertThat(stored(session)).as("the signed-in session is in the database").isOne();
    assertThat(browser.engine("GET", "/task/count", null).statusCode()).isEqualTo(200);

    WebAppSession before = new WebAppSession(port);
    before.login("agent", "wrong", "tasklist", true);
    String anonymous = sessionId(before);
    assertThat(stored(anonymous)).as("the session before signing in is kept too").isOne();
    assertThat(lifetime(anonymous)).as("for 10 minutes without a request").isEqualTo(600);
    assertThat(before.login("agent", "demo", "tasklist", true).statusCode()).isEqualTo(200);
    assertThat(sessionId(before)).as("a new session at sign-in (no session fixation)")
        .isNotEqualTo(anonymous);
    assertThat(stored(anonymous)).as("the one before is gone").isZero();
    assertThat(lifetime(sessionId(before))).as("signed in: 30 minutes").isEqualTo(1800);

    assertThat(browser.logout().statusCode()).isLessThan(300);
    assertThat(browser.engine("GET", "/task/count", null).statusCode())
        .as("signed out: its cookie signs nobody in").isEqualTo(401);
  }

  /** Spring Session's cookie holds the session id, Base64-encoded. */
  private static String sessionId(WebAppSession browser) {
    return new String(Base64.getDecoder().decode(browser.cookie("SESSION")));
  }

  private int lifetime(String sessionId) {
    return jdbc.queryForObject("SELECT max_inactive_interval FROM spring_session "
        + "WHERE session_id = ?", Integer.class, sessionId);
  }

  private int stored(String sessionId) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM spring_session WHERE session_id = ?",
        Integer.class, sessionId);
  }
}
