package com.careflow.support;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The {@code Authorization} header value of an HTTP Basic call, as API clients send it. */
public final class BasicAuth {

  private BasicAuth() {}

  public static String header(String user, String password) {
    return "Basic " + Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
