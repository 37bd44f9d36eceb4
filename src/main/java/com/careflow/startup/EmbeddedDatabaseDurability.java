package com.careflow.startup;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * SPEC §7.6 on the embedded H2 database, whatever its address says: every commit is on disk
 * before CareFlow answers. H2 waits up to half a second before it writes a commit to its file
 * (its {@code WRITE_DELAY}, 500 ms by default), so a {@code kill -9} in that half second lost
 * acknowledged complaints, and their numbers were given out again, on any address an
 * administrator wrote without the shipped {@code ;WRITE_DELAY=0}. The write delay is set to 0 in
 * the database at every start, before the web server takes a request. An address that sets
 * another write delay itself (H2 applies it again to every new connection) and a database that
 * refuses (a user without H2's admin right) stop the start with the reason.
 */
@Component
public class EmbeddedDatabaseDurability implements InitializingBean {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabaseDurability.class);

  private final DataSource dataSource;
  private final Environment environment;

  public EmbeddedDatabaseDurability(DataSource dataSource, Environment environment) {
    this.dataSource = dataSource;
    this.environment = environment;
  }

  private static final Pattern WRITE_DELAY =
      Pattern.compile("(?i);\\s*WRITE_DELAY\\s*=\\s*([^;]*)");

  /**
   * An address that sets a write delay itself sets it again for every connection the pool
   * opens, whatever was set at start: one other than 0 is refused, with the reason.
   */
  static void checkAddress(String url) {
    Matcher delay = WRITE_DELAY.matcher(url == null ? "" : url);
    while (delay.find()) {
      if (!delay.group(1).trim().equals("0")) {
        throw new StartupConfigurationException("The embedded H2 database's address sets "
            + "WRITE_DELAY=" + delay.group(1).trim() + ": H2 would keep commits in memory that "
            + "long, and a crash would lose cases CareFlow has acknowledged (SPEC §7.6).",
            "Write ';WRITE_DELAY=0' in spring.datasource.url, or leave WRITE_DELAY out.");
      }
    }
  }

  @Override
  public void afterPropertiesSet() {
    try (Connection connection = dataSource.getConnection()) {
      if (!"H2".equals(connection.getMetaData().getDatabaseProductName())) {
        return;
      }
      // the address as configured: the driver reports it without its settings
      checkAddress(environment.getProperty("spring.datasource.url"));
      try (Statement statement = connection.createStatement()) {
        statement.execute("SET WRITE_DELAY 0");
      }
      LOG.info("H2: every commit is written to the database file at once (WRITE_DELAY 0)");
    } catch (SQLException e) {
      throw new StartupConfigurationException("The embedded H2 database would keep commits in "
          + "memory for up to half a second, so a crash could lose acknowledged cases, and "
          + "CareFlow could not change that: " + e.getMessage(),
          "Sign in to H2 as a user with its admin right (the default 'sa'), or add "
          + "';WRITE_DELAY=0' to spring.datasource.url.");
    }
  }
}
