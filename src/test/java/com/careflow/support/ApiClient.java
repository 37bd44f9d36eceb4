package com.careflow.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;

/** Calls the test application's HTTP API as a demo user (password {@code demo}), or as nobody. */
public final class ApiClient {

  private final HttpClient http = HttpClient.newHttpClient();
  private final int port;

  public ApiClient(int port) {
    this.port = port;
  }

  /** A request to {@code path} with the user's HTTP Basic credentials. */
  public HttpRequest.Builder request(String user, String path) {
    return anonymous(path).header("Authorization", BasicAuth.header(user, "demo"));
  }

  /** A request to {@code path} without credentials. */
  public HttpRequest.Builder anonymous(String path) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
  }

  public HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return http.send(request.build(), BodyHandlers.ofString());
  }

  public HttpResponse<String> get(String user, String path)
      throws IOException, InterruptedException {
    return send(request(user, path).GET());
  }

  /** A JSON body put to {@code path} as the user. */
  public HttpResponse<String> putJson(String user, String path, String body)
      throws IOException, InterruptedException {
    return send(request(user, path).header("Content-Type", "application/json")
        .PUT(BodyPublishers.ofString(body)));
  }

  /** A JSON body posted to {@code path}; {@code request} may add headers first. */
  public HttpResponse<String> postJson(HttpRequest.Builder request, String body)
      throws IOException, InterruptedException {
    return send(request.header("Content-Type", "application/json")
        .POST(BodyPublishers.ofString(body)));
  }
}
