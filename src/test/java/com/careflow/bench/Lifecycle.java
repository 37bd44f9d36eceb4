package com.careflow.bench;

import com.careflow.bench.BenchHttp.User;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A case as the benchmark works it end to end: how it starts, its tasks in order (each worked
 * as Tasklist works it, {@link CaseDriver}), and how to tell it is over.
 */
interface Lifecycle {

  /** Who works a task: its assignee (the agent who took the contact), or a department. */
  enum Role {
    ASSIGNED_AGENT(null, Team::agent),
    QUALITY("quality", Team::quality),
    VICE_PRESIDENTS("vice-presidents", Team::vicePresident),
    SALES("sales", Team::sales),
    MANAGEMENT_OFFICE("management-office", Team::office);

    private final String group;
    private final Function<Team, User> member;

    Role(String group, Function<Team, User> member) {
      this.group = group;
      this.member = member;
    }

    /** The candidate group whose queue lists the task; null for a task assigned already. */
    String group() {
      return group;
    }

    User of(Team team) {
      return member.apply(team);
    }
  }

  /**
   * One task: its name in the report, its key in the model, who works it, the form's values.
   * A task that is only sometimes there ({@code ifPresent}, the spot check) is looked for once.
   */
  record Step(String name, String taskKey, Role role, Map<String, Object> values,
      boolean ifPresent) {}

  String name();

  /** Starts a case as the team's agent and answers its process instance id. */
  String start(BenchHttp http, Team team);

  List<Step> steps();

  /**
   * The SQL that counts how many of the instances whose ids are its one parameter (an array)
   * are over; for a complaint: CLOSED in the register.
   */
  String finishedQuery();

  default int finished(Connection database, List<String> instanceIds) throws SQLException {
    try (PreparedStatement query = database.prepareStatement(finishedQuery())) {
      query.setArray(1, database.createArrayOf("varchar", instanceIds.toArray()));
      try (ResultSet count = query.executeQuery()) {
        count.next();
        return count.getInt(1);
      }
    }
  }
}
