package com.careflow.identity;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;

import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The shared Tasklist filters every member of staff sees on first login: the tasks assigned to
 * them, and the unclaimed tasks of their departments. Created once; an administrator may
 * change them in Tasklist afterwards.
 */
@Component
@Order(20)
public class TasklistFilters extends AbstractProcessEnginePlugin {

  static final String MY_TASKS = "My tasks";
  static final String MY_GROUP_TASKS = "My departments' tasks";

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    createIfMissing(engine, MY_TASKS, -10, "Tasks assigned to me",
        engine.getTaskService().createTaskQuery().taskAssigneeExpression("${currentUser()}"));
    createIfMissing(engine, MY_GROUP_TASKS, -5, "Unclaimed tasks of my departments",
        engine.getTaskService().createTaskQuery()
            .taskCandidateGroupInExpression("${currentUserGroups()}")
            .taskUnassigned());
  }

  private static void createIfMissing(ProcessEngine engine, String name, int priority,
      String description, TaskQuery query) {
    FilterService filters = engine.getFilterService();
    if (filters.createFilterQuery().filterName(name).count() > 0) {
      return;
    }
    Filter filter = filters.newTaskFilter(name)
        .setProperties(Map.of("priority", priority, "description", description, "refresh", true))
        .setQuery(query);
    filters.saveFilter(filter);

    AuthorizationService authorizations = engine.getAuthorizationService();
    Authorization everyoneReads = authorizations.createNewAuthorization(AUTH_TYPE_GLOBAL);
    everyoneReads.setUserId(Authorization.ANY);
    everyoneReads.setResource(Resources.FILTER);
    everyoneReads.setResourceId(filter.getId());
    everyoneReads.addPermission(Permissions.READ);
    authorizations.saveAuthorization(everyoneReads);
  }
}
