package com.careflow.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * CareFlow as users run it: the packaged jar ({@code target/careflow-*.jar}, built by
 * {@code ./mvnw package}) started with {@code java -jar} in a working directory of its own, so
 * that the demo profile's {@code ./data} lands there. For the integration tests that stop it
 * the hard way ({@code kill -9}) and start it again on the same data, and for the benchmarks,
 * which also start another jar ({@link #jar(Path)}) with extra arguments and time how long it
 * takes to be ready ({@link #readyIn()}).
 */
public final class PackagedApp implements AutoCloseable {

  private static final Duration READY_WITHIN = Duration.ofSeconds(120);

  private final Path workDir;
  private final Map<String, String> environment;
  private final Path log;
  private final HttpClient http = HttpClient.newHttpClient();
  private Path jar;
  private final List<String> arguments = new ArrayList<>();
  private final List<String> jvmOptions = new ArrayList<>();
  private String healthPath = "/actuator/health";
  private Process process;
  private int port;
  private Duration readyIn;

  public PackagedApp(Path workDir, Map<String, String> environment, String name) {
    this.workDir = workDir;
    this.environment = environment;
    this.log = Path.of("target", "packaged-app-logs", name + ".log").toAbsolutePath();
  }

  /** Another jar than CareFlow's (the benchmarks' bare Camunda application). */
  public PackagedApp jar(Path otherJar) {
    this.jar = otherJar;
    return this;
  }

  /** Command-line arguments after the port, e.g. {@code --some.property=value}. */
  public PackagedApp arguments(String... more) {
    arguments.addAll(Arrays.asList(more));
    return this;
  }

  /** JVM options before {@code -jar}, e.g. a flight recording to profile it under load. */
  public PackagedApp jvmOptions(List<String> more) {
    jvmOptions.addAll(more);
    return this;
  }

  /** The health endpoint that must answer UP, e.g. {@code /actuator/health/readiness}. */
  public PackagedApp readyWhen(String path) {
    this.healthPath = path;
    return this;
  }

  /** Starts the jar and waits until its health endpoint answers UP. */
  public PackagedApp start() throws IOException, InterruptedException {
    Files.createDirectories(workDir);
    Files.createDirectories(log.getParent());
    port = freePort();
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-Djava.io.tmpdir=" + workDir.toAbsolutePath()));
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", (jar == null ? jar() : jar).toString(),
        "--server.port=" + port));
    command.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(environment);
    long started = System.nanoTime();
    process = builder.start();
    Instant deadline = Instant.now().plus(READY_WITHIN);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("The application stopped while starting; see " + log);
      }
      try {
        if (http.send(HttpRequest.newBuilder(uri(healthPath)).build(),
            BodyHandlers.ofString()).body().contains("\"UP\"")) {
          readyIn = Duration.ofNanos(System.nanoTime() - started);
          return this;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("The application was not ready within " + READY_WITHIN
        + "; see " + log);
  }

  /** {@code kill -9}: no shutdown hook, no flush, no goodbye. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  /**
   * Production has no demo users: the administrator ({@code adminAuthorization}, an HTTP Basic
   * header) opens an account through {@code /engine-rest} and puts it in a staff group.
   */
  public void createStaff(String adminAuthorization, String id, String password, String group)
      throws IOException, InterruptedException {
    HttpResponse<String> created = http.send(HttpRequest.newBuilder(uri("/engine-rest/user/create"))
        .header("Authorization", adminAuthorization).header("Content-Type", "application/json")
        .POST(BodyPublishers.ofString("{\"profile\":{\"id\":\"" + id + "\",\"firstName\":"
            + "\"C\",\"lastName\":\"A\"},\"credentials\":{\"password\":\"" + password + "\"}}"))
        .build(), BodyHandlers.ofString());
    if (created.statusCode() != 204) {
      throw new IllegalStateException("Creating " + id + ": " + created.body());
    }
    HttpResponse<String> member = http.send(HttpRequest.newBuilder(
            uri("/engine-rest/group/" + group + "/members/" + id))
        .header("Authorization", adminAuthorization).PUT(BodyPublishers.noBody()).build(),
        BodyHandlers.ofString());
    if (member.statusCode() != 204) {
      throw new IllegalStateException("Putting " + id + " in " + group + ": " + member.body());
    }
  }

  public URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  public int port() {
    return port;
  }

  /** From the process's start to the first UP of its health endpoint (polled every 100 ms). */
  public Duration readyIn() {
    return readyIn;
  }

  /** The CPU time the running process has used so far (all its threads), if the OS tells. */
  public Optional<Duration> cpu() {
    return process.toHandle().info().totalCpuDuration();
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

  /** A port nobody listens on at this moment. */
  public static int freePort() throws IOException {
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
