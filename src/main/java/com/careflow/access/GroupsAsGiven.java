package com.careflow.access;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;

/**
 * Before its authorization checks, Camunda narrows the caller's groups to those that appear in
 * some authorization: once in every command it reads all the distinct groups of
 * {@code ACT_RU_AUTHORIZATION}, a scan of a table that grows with the open tasks' grants. A
 * group without an authorization matches no row, so the narrowing changes no answer; it keeps
 * the SQL short for people in hundreds of groups (a company directory's). CareFlow's staff are
 * in a few groups (SPEC §5): theirs are used as they are, without that query, about 20 of which
 * every complaint cost (docs/performance.md, tuning log). Someone in more than
 * {@value #AS_GIVEN_UP_TO} groups gets Camunda's narrowing.
 */
final class GroupsAsGiven extends AuthorizationManager {

  static final int AS_GIVEN_UP_TO = 50;

  @Override
  public List<String> filterAuthenticatedGroupIds(List<String> groups) {
    if (groups == null || groups.isEmpty() || groups.size() > AS_GIVEN_UP_TO) {
      return super.filterAuthenticatedGroupIds(groups);
    }
    return new ArrayList<>(new LinkedHashSet<>(groups));
  }

  /** The engine's authorization manager of every command, in place of Camunda's. */
  static SessionFactory sessions() {
    return new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return AuthorizationManager.class;
      }

      @Override
      public Session openSession() {
        return new GroupsAsGiven();
      }
    };
  }
}
