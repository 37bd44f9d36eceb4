package com.careflow.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CareFlow as users run it: the packaged jar ({@code target/careflow-*.jar}, built by
 * {@code ./mvnw package}) started with {@code java -jar} in a working directory of its own, so
 * that the demo profile's {@code ./data} lands there. For the integration tests that stop it
 * the hard way ({@code kill -9}) and start it again on the same data.
 */
public final class PackagedApp implements AutoCloseable {

  private static final Duration READY_WITHIN = Duration.ofSeconds(120);

  private final Path workDir;
  private final Map<String, String> environment;
  private final Path log;
  private final HttpClient http = HttpClient.newHttpClient();
  private Process process;
  private int port;

  public PackagedApp(Path workDir, Map<String, String> environment, String name) {
    this.workDir = workDir;
    this.environment = environment;
    this.log = Path.of("target", "packaged-app-logs", name + ".log").toAbsolutePath();
  }

  /** Starts the jar and waits until its health endpoint answers UP. */
  public PackagedApp start() throws IOException, InterruptedException {
    Files.createDirectories(workDir);
    Files.createDirectories(log.getParent());
    port = freePort();
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-Djava.io.tmpdir=" + workDir.toAbsolutePath(),
        "-jar", jar().toString(), "--server.port=" + port));
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(environment);
    process = builder.start();
    Instant deadline = Instant.now().plus(READY_WITHIN);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("CareFlow stopped while starting; see " + log);
      }
      try {
        if (http.send(HttpRequest.newBuilder(uri("/actuator/health")).build(),
            BodyHandlers.ofString()).body().contains("\"UP\"")) {
          return this;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException("CareFlow was not ready within " + READY_WITHIN + "; see "
        + log);
  }

  /** {@code kill -9}: no shutdown hook, no flush, no goodbye. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  public URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  public int port() {
    return port;
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
        kill();
      }
    }
  }

  /** The jar {@code ./mvnw package} built. */
  static Path jar() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      return files.filter(file -> file.getFileName().toString().matches("careflow-.*\\.jar"))
          .filter(file -> !file.toString().endsWith(".original"))
          .findFirst().map(Path::toAbsolutePath)
          .orElseThrow(() -> new IllegalStateException("No target/careflow-*.jar: run "
              + "./mvnw verify (the integration tests run after package)"));
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** A fresh working directory under target/. */
  public static Path workDir(String name) throws IOException {
    Path dir = Path.of("target", "packaged-app", name + "-" + System.nanoTime());
    Files.createDirectories(dir);
    return dir.toAbsolutePath();
  }
}
