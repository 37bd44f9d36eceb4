package com.careflow.register;

import static org.assertj.core.api.Assertions.assertThat;

import com.careflow.register.RegisterQuery.Page;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A register page tells how many rows match: exactly up to 10 000, and "at least" beyond, so a
 * page of a register of a million cases does not count them all (docs/performance.md).
 */
class RegisterQueryTest {

  private static final int ROWS = RegisterQuery.EXACT_TOTAL_UP_TO + 5;
  private static NamedParameterJdbcTemplate jdbc;

  @BeforeAll
  static void aRegisterOfMoreRowsThanAreCounted() {
    jdbc = new NamedParameterJdbcTemplate(new DriverManagerDataSource(
        "jdbc:h2:mem:register-query;DB_CLOSE_DELAY=-1", "sa", ""));
    jdbc.getJdbcOperations().execute("CREATE TABLE entry (number INT PRIMARY KEY,"
        + " registered_at TIMESTAMP NOT NULL, odd BOOLEAN NOT NULL)");
    jdbc.getJdbcOperations().execute("INSERT INTO entry SELECT x,"
        + " DATEADD('MINUTE', x, TIMESTAMP '2026-01-01 00:00:00'), MOD(x, 2) = 1"
        + " FROM SYSTEM_RANGE(1, " + ROWS + ")");
  }

  private static Page<Integer> page(RegisterQuery query, int page, int size) {
    return query.page(jdbc, "registered_at", (row, i) -> row.getInt("number"), page, size);
  }

  @Test
  void aSearchMatchingFewerRowsThanTheLimitCountsThemExactly() {
    Page<Integer> page = page(RegisterQuery.of("entry").where("number <= :last", "last",
        RegisterQuery.EXACT_TOTAL_UP_TO), 0, 3);
    assertThat(page.total()).isEqualTo(RegisterQuery.EXACT_TOTAL_UP_TO);
    assertThat(page.totalExact()).isTrue();
    assertThat(page.items()).containsExactly(10_000, 9_999, 9_998);

    Page<Integer> odd = page(RegisterQuery.of("entry").equal("odd", true)
        .where("number > :after", "after", ROWS - 4), 0, 50);
    assertThat(odd.items()).containsExactly(ROWS, ROWS - 2);
    assertThat(odd.total()).isEqualTo(2);
    assertThat(odd.totalExact()).isTrue();
  }

  @Test
  void aSearchMatchingMoreSaysAtLeastTheLimit() {
    Page<Integer> first = page(RegisterQuery.of("entry"), 0, 50);
    assertThat(first.items()).hasSize(50).startsWith(ROWS, ROWS - 1);
    assertThat(first.total()).isEqualTo(RegisterQuery.EXACT_TOTAL_UP_TO);
    assertThat(first.totalExact()).isFalse();
  }

  @Test
  void aPageBeyondTheLimitRaisesTheLowerBoundToWhatItHolds() {
    Page<Integer> last = page(RegisterQuery.of("entry"), ROWS / 50, 50);
    assertThat(last.items()).containsExactly(5, 4, 3, 2, 1);
    assertThat(last.total()).isEqualTo(ROWS);
    assertThat(last.totalExact()).isFalse();
  }
}
