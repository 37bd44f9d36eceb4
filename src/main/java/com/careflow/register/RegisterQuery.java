package com.careflow.register;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * A filtered, paged search of one of CareFlow's registers (complaints, returns, employees): each filter
 * given adds a condition, a filter left null adds none; the page is newest first.
 */
public final class RegisterQuery {

  /**
   * A page of a register: its rows, which page, and how many rows match in all. The list
   * endpoints answer it as it is, with their views of the rows ({@link #map}).
   *
   * <p>{@code total} is exact ({@code totalExact} true) up to {@link #EXACT_TOTAL_UP_TO}
   * matching rows; beyond that it is a lower bound ({@code totalExact} false): at least that
   * many rows match, as a search engine says "10 000+ results". Counting a million index
   * entries exactly costs more than the page itself (docs/performance.md); a reader narrows
   * the search by filters long before they page that far.
   */
  public record Page<T>(List<T> items, int page, int size, long total, boolean totalExact) {

    /** The same page with each row seen through {@code view}. */
    public <R> Page<R> map(Function<? super T, ? extends R> view) {
      return new Page<>(items.stream().<R>map(view).toList(), page, size, total, totalExact);
    }
  }

  /** Up to this many matching rows a page's total is counted exactly. */
  public static final int EXACT_TOTAL_UP_TO = 10_000;

  private final String table;
  private final String key;
  private final StringBuilder where = new StringBuilder(" WHERE 1 = 1");
  private final MapSqlParameterSource params = new MapSqlParameterSource();

  private RegisterQuery(String table, String key) {
    this.table = table;
    this.key = key;
  }

  /** A search of {@code table}, one of the registers' own table names (never user input). */
  public static RegisterQuery of(String table) {
    return of(table, "number");
  }

  /** A search of {@code table} whose rows are identified by {@code key} (never user input). */
  public static RegisterQuery of(String table, String key) {
    return new RegisterQuery(table, key);
  }

  /** Rows whose {@code column} equals {@code value}, when a value is given. */
  public RegisterQuery equal(String column, Object value) {
    if (value != null) {
      where.append(" AND ").append(column).append(" = :").append(column);
      params.addValue(column, value);
    }
    return this;
  }

  /** Rows whose {@code column} is one of {@code values}; none when the collection is empty. */
  public RegisterQuery in(String column, java.util.Collection<?> values) {
    return where(column + " IN (:" + column + "_in)", column + "_in",
        values.isEmpty() ? java.util.List.of("") : values);
  }

  /**
   * Rows meeting {@code condition}, an SQL condition of the register's own (never user input)
   * with one named parameter.
   */
  public RegisterQuery where(String condition, String parameter, Object value) {
    where.append(" AND ").append(condition);
    params.addValue(parameter, value);
    return this;
  }

  /** Rows whose timestamp {@code column} falls on or after {@code from} and on or before {@code to}. */
  public RegisterQuery between(String column, LocalDate from, LocalDate to) {
    if (from != null) {
      where.append(" AND ").append(column).append(" >= :").append(column).append("_from");
      params.addValue(column + "_from", Timestamp.valueOf(from.atStartOfDay()));
    }
    if (to != null) {
      where.append(" AND ").append(column).append(" < :").append(column).append("_to");
      params.addValue(column + "_to", Timestamp.valueOf(to.plusDays(1).atStartOfDay()));
    }
    return this;
  }

  /**
   * One page of the matching rows, newest first by {@code newestFirst}, then by key, with how
   * many match in all (exactly up to {@link #EXACT_TOTAL_UP_TO}, at least as many beyond).
   */
  public <T> Page<T> page(NamedParameterJdbcTemplate jdbc, String newestFirst, RowMapper<T> rows,
      int page, int size) {
    long offset = (long) page * size;
    MapSqlParameterSource paged = new MapSqlParameterSource(params.getValues())
        .addValue("limit", size).addValue("offset", offset)
        .addValue("counted", EXACT_TOTAL_UP_TO + 1);
    String order = " ORDER BY " + newestFirst + " DESC, " + key + " DESC";
    // counts the matching rows up to one past the limit, in the page's order: the index that
    // serves the page is read until there (a scan in table order could read a million rows
    // to find the few thousand open or overdue cases, which sit together at its end)
    Long counted = jdbc.queryForObject("SELECT COUNT(*) FROM (SELECT " + key + " FROM " + table
        + where + order + " LIMIT :counted) matching", paged, Long.class);
    List<T> items = jdbc.query("SELECT * FROM " + table + where + order
        + " LIMIT :limit OFFSET :offset", paged, rows);
    long total = counted == null ? 0 : counted;
    boolean exact = total <= EXACT_TOTAL_UP_TO;
    return new Page<>(items, page, size,
        exact ? total : Math.max(EXACT_TOTAL_UP_TO, offset + items.size()), exact);
  }
}
