package com.careflow.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/**
 * SPEC §7.6 on H2 whatever the address: the write delay is 0 after start, and an address that
 * sets another one (which H2 would apply again to every connection of the pool) stops the start
 * with the reason and the fix.
 */
class EmbeddedDatabaseDurabilityTest {

  @Test
  void anAddressWithoutAWriteDelayGetsNone() throws Exception {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:durability;DB_CLOSE_DELAY=-1");
    h2.setUser("sa");
    try (Connection held = h2.getConnection()) { // keeps the in-memory database open
      new EmbeddedDatabaseDurability(h2, new MockEnvironment()
          .withProperty("spring.datasource.url", h2.getURL())).afterPropertiesSet();
      try (ResultSet setting = held.createStatement().executeQuery(
          "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS "
              + "WHERE SETTING_NAME = 'WRITE_DELAY'")) {
        assertThat(setting.next()).isTrue();
        assertThat(setting.getString(1)).isEqualTo("0");
      }
    }
  }

  @Test
  void anAddressThatSetsAnotherWriteDelayIsRefused() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:delayed;WRITE_DELAY=500");
    h2.setUser("sa");
    assertThatThrownBy(() -> new EmbeddedDatabaseDurability(h2, new MockEnvironment()
            .withProperty("spring.datasource.url", h2.getURL())).afterPropertiesSet())
        .isInstanceOf(StartupConfigurationException.class)
        .hasMessageContaining("WRITE_DELAY=500")
        .satisfies(refused -> assertThat(((StartupConfigurationException) refused).action())
            .contains(";WRITE_DELAY=0"));
    EmbeddedDatabaseDurability.checkAddress("jdbc:h2:file:./data/careflow;WRITE_DELAY=0");
  }
}
