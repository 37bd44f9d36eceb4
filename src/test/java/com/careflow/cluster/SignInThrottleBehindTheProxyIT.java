package com.careflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.careflow.support.BasicAuth;
import com.careflow.support.PackagedApp;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * SPEC §7.8 behind the shipped proxy: repeated wrong passwords slow the guesser, not the user.
 * A node runs as docker-compose's cluster runs it (forwarded addresses read, from the proxy
 * only) behind nginx with {@code deploy/nginx-cluster.conf}. Two clients on two addresses of
 * this machine: a guesser on 127.0.0.3, who names the real user's address (127.0.0.2) in its own
 * {@code X-Forwarded-For}, and the real user. The guesser is held back after a few tries; the
 * user signs in at once; going round the proxy to the node, the guesser's header counts for
 * nothing either.
 */
class SignInThrottleBehindTheProxyIT {

  private static final String USER = "127.0.0.2";
  private static final String GUESSER = "127.0.0.3";

  @Test
  void aGuesserWhoNamesTheUsersAddressIsSlowedAndTheUserIsNot() throws Exception {
    Assumptions.assumeTrue(ClusterProxy.installed(), "nginx is not installed");
    Map<String, String> behindTheProxy = Map.of("SERVER_FORWARDHEADERSSTRATEGY", "native");
    try (PackagedApp node = new PackagedApp(PackagedApp.workDir("throttle-node"),
            behindTheProxy, "throttle-node").start();
        ClusterProxy proxy = ClusterProxy.start(PackagedApp.workDir("throttle-proxy"),
            node.port(), node.port())) {
      List<Integer> guesses = new ArrayList<>();
      for (int guess = 0; guess < 30; guess++) {
        guesses.add(status(GUESSER, proxy.port(), "agent", "guess-" + guess, USER));
      }
      assertThat(guesses.subList(0, 5)).as("the first wrong passwords are checked").containsOnly(401);
      assertThat(guesses.subList(6, 30)).as("then the guesser waits, unchecked: " + guesses)
          .containsOnly(429);

      assertThat(status(USER, proxy.port(), "agent", "demo", null))
          .as("the user, from their own address, signs in at once").isEqualTo(200);
      assertThat(status(USER, proxy.port(), "agent", "demo", GUESSER))
          .as("whatever the user's own header says").isEqualTo(200);

      assertThat(status(GUESSER, node.port(), "agent", "demo", USER))
          .as("round the proxy, a forwarded address from a client is not believed: the guesser "
              + "is still held back").isEqualTo(429);
      assertThat(status(USER, node.port(), "agent", "demo", GUESSER)).isEqualTo(200);
    }
  }

  /**
   * One HTTP Basic call from a local address (as a client elsewhere on the network would be),
   * with a forwarded-for header of the client's choosing; the answer's status.
   */
  private static int status(String from, int port, String user, String password,
      String forwardedFor) throws IOException {
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(from, 0));
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
      socket.setSoTimeout(20_000);
      String request = "GET /engine-rest/task/count HTTP/1.1\r\n"
          + "Host: 127.0.0.1:" + port + "\r\n"
          + "Authorization: " + BasicAuth.header(user, password) + "\r\n"
          + (forwardedFor == null ? "" : "X-Forwarded-For: " + forwardedFor + "\r\n")
          + "Connection: close\r\n\r\n";
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(),
          StandardCharsets.US_ASCII)).readLine();
      return Integer.parseInt(statusLine.split(" ")[1]);
    }
  }
}
