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

  private final CookieManager cookies;
  private final HttpClient browser;
  private final int port;

  public WebAppSession(int port) {
    this(new CookieManager(), port);
  }

  private WebAppSession(CookieManager cookies, int port) {
    this.cookies = cookies;
    this.browser = HttpClient.newBuilder().cookieHandler(cookies).build();
    this.port = port;
  }

  /** The same browser (its cookies) sending to another node, as a load balancer may. */
  public WebAppSession on(int otherPort) {
    return new WebAppSession(cookies, otherPort);
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

  /** The web apps' sign-out, as the header's menu sends it. */
  public HttpResponse<String> logout() throws IOException, InterruptedException {
    return browser.send(HttpRequest.newBuilder(
            uri("/camunda/api/admin/auth/user/default/logout"))
        .header("X-XSRF-TOKEN", csrfToken()).POST(BodyPublishers.noBody()).build(),
        BodyHandlers.ofString());
  }

  /** The value of one of the browser's cookies, e.g. the session's. */
  public String cookie(String name) {
    return cookies.getCookieStore().getCookies().stream()
        .filter(cookie -> cookie.getName().equals(name))
        .map(HttpCookie::getValue).findFirst().orElseThrow();
  }

  private String csrfToken() {
    return cookie("XSRF-TOKEN");
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
