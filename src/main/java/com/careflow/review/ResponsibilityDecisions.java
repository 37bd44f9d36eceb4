package com.careflow.review;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The GM office's decisions on responsibility (SPEC §1.10; seed 003 篇五 九(九): 判定責任歸屬確認及
 * 比率): for each upheld complaint of a month, the responsible unit (a department or an outside
 * party), the person where one is identified, and the share. What is decided here is what the
 * reward and penalty notice executes; a complaint without a decision counts as its records
 * propose.
 */
@Repository
public class ResponsibilityDecisions {

  /**
   * A decision on one complaint.
   *
   * @param department the responsible department's id, or null when an outside party is
   * @param outsideParty the responsible outside party's id ({@code careflow.responsibility}),
   *     or null
   * @param person the responsible employee's number, or null for the unit alone
   * @param share the unit's or person's share of the responsibility, 1 to 100 (percent)
   * @param changed whether the office changed what the case's records proposed
   * @param reason why it changed it; null when it confirmed the proposal
   */
  public record Decision(String complaintNumber, String month, String department,
      String outsideParty, String person, int share, boolean changed, String reason,
      String decidedBy, Instant decidedAt) {

    /** The unit charged: the department or the outside party. */
    public String unit() {
      return department != null ? department : outsideParty;
    }

    /** PERSON, UNIT or EXTERNAL, as the penalty standard reads it. */
    public String responsibleKind() {
      return person != null ? "PERSON" : outsideParty != null ? "EXTERNAL" : "UNIT";
    }
  }

  private final NamedParameterJdbcTemplate jdbc;

  public ResponsibilityDecisions(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Records the office's decision on a complaint; a later decision replaces an earlier one. */
  public void record(Decision decision) {
    MapSqlParameterSource values = new MapSqlParameterSource()
        .addValue("number", decision.complaintNumber()).addValue("month", decision.month())
        .addValue("department", decision.department())
        .addValue("party", decision.outsideParty()).addValue("person", decision.person())
        .addValue("share", decision.share()).addValue("changed", decision.changed())
        .addValue("reason", decision.reason()).addValue("by", decision.decidedBy())
        .addValue("at", Timestamp.from(decision.decidedAt()));
    int updated = jdbc.update("""
        UPDATE responsibility_decision SET review_month = :month, department = :department,
          outside_party = :party, person = :person, share_percent = :share, changed = :changed,
          reason = :reason, decided_by = :by, decided_at = :at
        WHERE complaint_number = :number""", values);
    if (updated == 0) {
      jdbc.update("""
          INSERT INTO responsibility_decision (complaint_number, review_month, department,
            outside_party, person, share_percent, changed, reason, decided_by, decided_at)
          VALUES (:number, :month, :department, :party, :person, :share, :changed, :reason,
            :by, :at)""", values);
    }
  }

  /** The decisions on these complaints, by complaint number; undecided ones are absent. */
  public Map<String, Decision> of(Collection<String> complaintNumbers) {
    Map<String, Decision> decisions = new HashMap<>();
    List<String> numbers = List.copyOf(complaintNumbers);
    for (int from = 0; from < numbers.size(); from += 500) {
      jdbc.query("SELECT * FROM responsibility_decision WHERE complaint_number IN (:numbers)",
          new MapSqlParameterSource("numbers", numbers.subList(from,
              Math.min(from + 500, numbers.size()))),
          (ResultSet row) -> {
            Decision decision = decision(row);
            decisions.put(decision.complaintNumber(), decision);
          });
    }
    return decisions;
  }

  private static Decision decision(ResultSet row) throws SQLException {
    return new Decision(row.getString("complaint_number"), row.getString("review_month"),
        row.getString("department"), row.getString("outside_party"), row.getString("person"),
        row.getInt("share_percent"), row.getBoolean("changed"), row.getString("reason"),
        row.getString("decided_by"), row.getTimestamp("decided_at").toInstant());
  }
}
