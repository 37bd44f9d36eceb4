package com.careflow.bench;

import com.careflow.support.BasicAuth;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The benchmark's HTTP client: one {@link HttpClient} (kept-alive connections) for every
 * worker, HTTP Basic per call as CareFlow's users send it, each call timed and counted.
 */
final class BenchHttp {

  static final ObjectMapper JSON = new ObjectMapper();

  /** A user and the {@code Authorization} header they send. */
  record User(String id, String authorization) {
    static User of(String id, String password) {
      return new User(id, BasicAuth.header(id, password));
    }
  }

  /** What came back, and how long it took. */
  record Answer(int status, String body, double millis) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("Not JSON: " + abbreviated(), e);
      }
    }

    String abbreviated() {
      return body.length() > 400 ? body.substring(0, 400) + "…" : body;
    }
  }

  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(10)).build();
  private final String base;
  private final AtomicLong requests = new AtomicLong();

  BenchHttp(int port) {
    this.base = "http://localhost:" + port;
  }

  Answer get(User user, String path) {
    return send(user, "GET", path, BodyPublishers.noBody(), null);
  }

  Answer postJson(User user, String path, String json) {
    return send(user, "POST", path, BodyPublishers.ofString(json), "application/json");
  }

  /** A call with any body, e.g. a multipart deployment. */
  Answer send(User user, String method, String path, BodyPublisher body, String contentType) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .timeout(Duration.ofSeconds(120)).header("Authorization", user.authorization())
        .header("Accept", "application/json").method(method, body);
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    long start = System.nanoTime();
    try {
      var response = http.send(request.build(), BodyHandlers.ofString());
      requests.incrementAndGet();
      return new Answer(response.statusCode(), response.body(), Samples.since(start));
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted: " + method + " " + path, e);
    }
  }

  /** Every call so far. */
  long requests() {
    return requests.get();
  }

  /** Fails unless the call answered {@code expected}. */
  static Answer expect(Answer answer, int expected, String what) {
    if (answer.status() != expected) {
      throw new IllegalStateException(what + ": HTTP " + answer.status() + " (expected "
          + expected + "): " + answer.abbreviated());
    }
    return answer;
  }
}
