package com.careflow.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;

/**
 * A browser session of Camunda's web apps, as Tasklist and Cockpit hold one: the login form
 * (with the CSRF token of the page), then calls to the web apps' own engine API
 * ({@code /camunda/api/engine/engine/default/...}) with the session cookie and the token.
 */
public final class WebAppSession {

  private final CookieManager cookies = new CookieManager();
  private final HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
  private final int port;

  public WebAppSession(int port) {
    this.port = port;
  }

  /** Opens the app's page (which sets the CSRF cookie) and posts its login form. */
  public HttpResponse<String> login(String user, String password, String app,
      boolean sendCsrfToken) throws IOException, InterruptedException {
    browser.send(HttpRequest.newBuilder(uri("/camunda/app/" + app + "/default/")).GET().build(),
        BodyHandlers.discarding());
    HttpRequest.Builder login = HttpRequest.newBuilder(
            uri("/camunda/api/admin/auth/user/default/login/" + app))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(BodyPublishers.ofString("username=" + user + "&password=" + password));
    if (sendCsrfToken) {
      login.header("X-XSRF-TOKEN", csrfToken());
    }
    return browser.send(login.build(), BodyHandlers.ofString());
  }

  /** A call to the web apps' engine API, e.g. {@code /history/variable-instance}. */
  public HttpResponse<String> engine(String method, String path, String body)
      throws IOException, InterruptedException {
    return browser.send(HttpRequest.newBuilder(uri("/camunda/api/engine/engine/default" + path))
        .header("Content-Type", "application/json").header("X-XSRF-TOKEN", csrfToken())
        .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body))
        .build(), BodyHandlers.ofString());
  }

  private String csrfToken() {
    return cookies.getCookieStore().getCookies().stream()
        .filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue).findFirst().orElseThrow();
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
