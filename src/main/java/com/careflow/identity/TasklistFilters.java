package com.careflow.identity;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;

import com.careflow.locale.LocaleProperties;
import java.util.List;
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
 * them, the unclaimed tasks of their departments, and the overdue tasks they may see (for a
 * manager: their departments'), named in the company's language
 * ({@code careflow.locale.default-language}). Created once; at a later start a filter CareFlow
 * made is renamed when the company's language changed. An administrator may change them in
 * Tasklist afterwards.
 */
@Component
@Order(20)
public class TasklistFilters extends AbstractProcessEnginePlugin {

  /** A shared filter's name and description in each language, Chinese first. */
  record Named(String zh, String en, String zhDescription, String enDescription) {

    String name(String language) {
      return "en".equals(language) ? en : zh;
    }

    String description(String language) {
      return "en".equals(language) ? enDescription : zhDescription;
    }
  }

  static final Named MY_TASKS = new Named("我的任务", "My tasks", "分配给我的任务",
      "Tasks assigned to me");
  static final Named MY_GROUP_TASKS = new Named("本部门待办", "My departments' tasks",
      "本部门尚未认领的任务", "Unclaimed tasks of my departments");

  static final Named OVERDUE = new Named("本部门逾期", "Overdue in my departments",
      "已过到期日的任务：我的、本部门的，以及我所管理部门的",
      "Tasks past their due date: mine, my departments', and those of the departments I manage");

  private final String language;

  public TasklistFilters(LocaleProperties locale) {
    this.language = locale.defaultLanguage();
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    createOrRename(engine, MY_TASKS, -10,
        engine.getTaskService().createTaskQuery().taskAssigneeExpression("${currentUser()}"));
    createOrRename(engine, MY_GROUP_TASKS, -5,
        engine.getTaskService().createTaskQuery()
            .taskCandidateGroupInExpression("${currentUserGroups()}")
            .taskUnassigned());
    // every overdue task the person may see: managers see their departments' (issue 16)
    createOrRename(engine, OVERDUE, -8,
        engine.getTaskService().createTaskQuery().dueBeforeExpression("${now()}"));
  }

  private void createOrRename(ProcessEngine engine, Named named, int priority, TaskQuery query) {
    FilterService filters = engine.getFilterService();
    for (String name : List.of(named.zh(), named.en())) {
      Filter existing = filters.createFilterQuery().filterName(name).singleResult();
      if (existing != null) {
        if (!name.equals(named.name(language))) {
          existing.setName(named.name(language));
          existing.setProperties(Map.of("priority", priority,
              "description", named.description(language), "refresh", true));
          filters.saveFilter(existing);
        }
        return;
      }
    }
    Filter filter = filters.newTaskFilter(named.name(language))
        .setProperties(Map.of("priority", priority, "description", named.description(language),
            "refresh", true))
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
