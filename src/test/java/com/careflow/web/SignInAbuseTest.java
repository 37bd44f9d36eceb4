package com.careflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.careflow.support.BasicAuth;
import com.careflow.support.CareFlowSpringTest;
import com.careflow.support.WebAppSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.digest.PasswordManager;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * SPEC §7.8 as an attacker tries it: a machine at 127.0.0.2 guesses passwords while the real
 * users sign in from 127.0.0.1. The guesser gets 429 after a few tries, the owner is never held
 * up, and no account is ever locked, the administrator's included.
 */
@CareFlowSpringTest
class SignInAbuseTest {

  private static final String ATTACKER = "127.0.0.2";

  @LocalServerPort private int port;
  @Autowired private IdentityService identity;
  @Autowired private ProcessEngine engine;
  @Autowired private JdbcTemplate jdbc;

  private final HttpClient owner = HttpClient.newHttpClient();

  @Test
  void theGuesserIsSlowedAndTheOwnerIsNot() throws Exception {
    user("guessed", "Guessed-owner-pw-1");
    for (int i = 0; i < SignInThrottle.FREE_FAILURES + 1; i++) {
      assertThat(fromAttacker("guessed", "wrong" + i).status()).isEqualTo(401);
    }
    Raw throttled = fromAttacker("guessed", "wrong-again");
    assertThat(throttled.status()).isEqualTo(429);
    assertThat(throttled.headers()).containsIgnoringCase("Retry-After:");
    assertThat(throttled.body()).contains("not locked");
    assertThat(fromAttacker("guessed", "Guessed-owner-pw-1").status())
        .as("not even the right password is checked from there, for now").isEqualTo(429);

    assertThat(fromOwner("guessed", "Guessed-owner-pw-1")).as("the owner signs in at once")
        .isEqualTo(200);
    assertThat(fromOwner("guessed", "a-typo")).isEqualTo(401);
    assertThat(fromOwner("guessed", "Guessed-owner-pw-1")).as("right after a typo").isEqualTo(200);
  }

  /**
   * A wrong password writes nothing (SPEC §7.9), and an unknown user id costs the same work as a
   * known one, so the time of the answer does not tell which ids exist: the password is digested
   * and compared once either way (counted, not timed).
   */
  @Test
  void aWrongPasswordWritesNothingAndAnUnknownUserCostsTheSameWork() {
    user("quiet", "Quiet-owner-pw-1");
    assertThat(identity.checkPassword("quiet", "wrong")).isFalse();
    assertThat(jdbc.queryForObject("SELECT attempts_ FROM act_id_user WHERE id_ = 'quiet'",
        Integer.class)).as("no count of failures on the user's row").isIn(0, null);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM act_id_user WHERE id_ = 'quiet' "
        + "AND lock_exp_time_ IS NOT NULL", Integer.class)).isZero();

    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine
        .getProcessEngineConfiguration();
    PasswordManager real = configuration.getPasswordManager();
    AtomicInteger compared = new AtomicInteger();
    configuration.setPasswordManager(new PasswordManager(configuration.getPasswordEncryptor(),
        configuration.getCustomPasswordChecker()) {
      @Override
      public boolean check(String password, String encrypted) {
        compared.incrementAndGet();
        return super.check(password, encrypted);
      }
    });
    try {
      assertThat(identity.checkPassword("quiet", "wrong")).isFalse();
      assertThat(compared).as("a known user's wrong password").hasValue(1);
      assertThat(identity.checkPassword("nobody-by-that-name", "wrong")).isFalse();
      assertThat(compared).as("an unknown user: the same digest and comparison").hasValue(2);
      assertThat(identity.checkPassword("quiet", "Quiet-owner-pw-1")).isTrue();
    } finally {
      configuration.setPasswordManager(real);
    }
  }

  @Test
  void twentyWrongPasswordsForTheAdministratorLockNothing() throws Exception {
    for (int i = 0; i < 20; i++) {
      assertThat(fromAttacker("demo", "guess" + i).status()).isIn(401, 429);
    }
    assertThat(fromOwner("demo", "demo")).isEqualTo(200);
    assertThat(identity.checkPassword("demo", "demo")).as("Camunda's lock-out is off").isTrue();
  }

  @Test
  void theWebAppLoginIsThrottledTheSameWay() throws Exception {
    user("webguessed", "Web-owner-pw-22");
    for (int i = 0; i < SignInThrottle.FREE_FAILURES + 1; i++) {
      assertThat(webLogin("webguessed", "wrong" + i)).isEqualTo(401);
    }
    assertThat(webLogin("webguessed", "wrong-again")).isEqualTo(429);
    assertThat(identity.checkPassword("webguessed", "Web-owner-pw-22")).isTrue();
  }

  private void user(String id, String password) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      user.setPassword(password);
      identity.saveUser(user);
      identity.createMembership(id, "cs-agents");
    }
  }

  private int fromOwner(String user, String password) throws Exception {
    return owner.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
            + "/engine-rest/engine")).header("Authorization", BasicAuth.header(user, password))
        .build(), BodyHandlers.discarding()).statusCode();
  }

  private int webLogin(String user, String password) throws Exception {
    return new WebAppSession(port).login(user, password, "tasklist", true).statusCode();
  }

  record Raw(int status, String headers, String body) {}

  /** A request from another machine's address (127.0.0.2 is this machine too, as Linux has it). */
  private Raw fromAttacker(String user, String password) throws IOException {
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(ATTACKER, 0));
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(("GET /engine-rest/engine HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
          + BasicAuth.header(user, password) + "\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      int split = response.indexOf("\r\n\r\n");
      return new Raw(Integer.parseInt(response.substring(9, 12)), response.substring(0, split),
          response.substring(split + 4));
    }
  }
}
