package com.careflow.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Starts a real PostgreSQL (the zonky binaries of the major that docker-compose.yml runs) for
 * one test class and stops it when the class is done, after its Spring context is closed (use
 * {@code @DirtiesContext} on the class). The class points Spring at it with
 * {@link #registerDataSource} from a {@code @DynamicPropertySource} method.
 */
public class EmbeddedPostgresExtension implements BeforeAllCallback {

  private static volatile EmbeddedPostgres postgres;

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    EmbeddedPostgres started = EmbeddedPostgres.builder().start();
    postgres = started;
    context.getStore(Namespace.create(EmbeddedPostgresExtension.class))
        .put("postgres", (ExtensionContext.Store.CloseableResource) () -> {
          postgres = null;
          started.close();
        });
  }

  /** Spring's datasource properties for the running database. */
  public static void registerDataSource(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> running().getJdbcUrl("postgres", "postgres"));
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "postgres");
  }

  private static EmbeddedPostgres running() {
    if (postgres == null) {
      throw new UncheckedIOException(new IOException("Embedded PostgreSQL is not running: "
          + "register EmbeddedPostgresExtension on the test class"));
    }
    return postgres;
  }
}
