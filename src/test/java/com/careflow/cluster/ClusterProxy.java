package com.careflow.cluster;

import com.careflow.support.Installed;
import com.careflow.support.PackagedApp;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Assertions;

/**
 * The proxy of docker-compose's {@code cluster} profile: this machine's nginx (Debian's
 * {@code nginx-light}) with {@code deploy/nginx-cluster.conf} as shipped, its two upstreams
 * pointed at two local nodes. Each request is logged with the node that answered
 * ({@link #routes()}).
 */
final class ClusterProxy implements AutoCloseable {

  static final Path NGINX = Path.of("/usr/sbin/nginx");
  private static final Path SHIPPED = Path.of("deploy", "nginx-cluster.conf");

  /** One request through the proxy: the node's address, and the request's method and path. */
  record Route(String node, String request) {}

  private final Path dir;
  private final int port;
  private final Process nginx;

  private ClusterProxy(Path dir, int port, Process nginx) {
    this.dir = dir;
    this.port = port;
    this.nginx = nginx;
  }

  /** Whether nginx is installed; fails in CI when it is not, where the proxy must be tested. */
  static boolean installed() {
    return Installed.orFailInCi("the cluster proxy's test",
        "install Debian's nginx: apt-get install --no-install-recommends nginx-light", NGINX);
  }

  /** Starts nginx with the shipped configuration in front of the nodes on these ports. */
  static ClusterProxy start(Path dir, int nodeA, int nodeB) throws IOException,
      InterruptedException {
    Files.createDirectories(dir);
    int port = PackagedApp.freePort();
    String shipped = Files.readString(SHIPPED);
    String cluster = shipped.replace("app:8080", "127.0.0.1:" + nodeA)
        .replace("app2:8080", "127.0.0.1:" + nodeB)
        .replace("listen 8080;", "listen 127.0.0.1:" + port + ";");
    Assertions.assertNotEquals(shipped, cluster, "the upstreams of " + SHIPPED + " moved");
    Files.writeString(dir.resolve("cluster.conf"), cluster);
    // As the nginx image's http block includes conf.d; the log names the node of each request.
    Files.writeString(dir.resolve("nginx.conf"), """
        pid %1$s/nginx.pid;
        events { worker_connections 256; }
        http {
            log_format route '$upstream_addr "$request"';
            access_log %1$s/access.log route;
            proxy_max_temp_file_size 0;
            include %1$s/cluster.conf;
        }
        """.formatted(dir.toAbsolutePath()));
    Process nginx = new ProcessBuilder(NGINX.toString(), "-p", dir.toAbsolutePath().toString(),
        "-c", dir.resolve("nginx.conf").toAbsolutePath().toString(),
        "-e", dir.resolve("error.log").toAbsolutePath().toString(), "-g", "daemon off;")
        .redirectErrorStream(true).redirectOutput(dir.resolve("nginx.out").toFile()).start();
    ClusterProxy proxy = new ClusterProxy(dir, port, nginx);
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    while (!proxy.listening()) {
      if (!nginx.isAlive() || Instant.now().isAfter(deadline)) {
        proxy.close();
        Assertions.fail("nginx did not start: " + Files.readString(dir.resolve("nginx.out"))
            + Files.readString(dir.resolve("error.log")));
      }
      Thread.sleep(100);
    }
    return proxy;
  }

  int port() {
    return port;
  }

  /** Every request the proxy passed on so far. */
  List<Route> routes() throws IOException {
    return Files.readAllLines(dir.resolve("access.log")).stream().map(line -> {
      String[] parts = line.split(" ", 2);
      return new Route(parts[0], parts[1]);
    }).toList();
  }

  private boolean listening() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException notYet) {
      return false;
    }
  }

  @Override
  public void close() throws InterruptedException {
    nginx.destroy();
    nginx.waitFor();
  }
}
