package bench.bare;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Camunda 7 with its web apps and REST API, and nothing else: the benchmark's yardstick. */
@SpringBootApplication
public class BareEngineApplication {

  public static void main(String[] args) {
    SpringApplication.run(BareEngineApplication.class, args);
  }
}
