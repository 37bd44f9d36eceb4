package com.careflow.access;

import com.careflow.identity.Departments;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

/**
 * The grants the engine gives when a task gets a candidate group: Camunda's own (the group may
 * read the task and work it, TASK_WORK, and read its variables through the form), and, added
 * here, the managers of the group's department (SPEC §7.5): they see the task (Cockpit's Human
 * Tasks, their Tasklist filters) and may reassign it (TASK_ASSIGN), without working it or
 * reading its variables.
 */
final class DepartmentTaskAuthorizations extends DefaultAuthorizationProvider {

  private final Departments departments;

  DepartmentTaskAuthorizations(Departments departments) {
    this.departments = departments;
  }

  @Override
  public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId,
      String linkType) {
    AuthorizationEntity[] grants = super.newTaskGroupIdentityLink(task, groupId, linkType);
    if (!IdentityLinkType.CANDIDATE.equals(linkType)) {
      return grants;
    }
    List<AuthorizationEntity> all = new ArrayList<>(Arrays.asList(grants));
    for (String managers : departments.managersOfGroup(groupId)) {
      AuthorizationEntity own = all.stream()
          .filter(grant -> managers.equals(grant.getGroupId())
              && grant.getResourceType() == Resources.TASK.resourceType())
          .findFirst().orElse(null);
      if (own != null) {
        own.addPermission(TaskPermissions.TASK_ASSIGN); // a manager group that is a candidate
      } else {
        all.add(createOrUpdateAuthorization(task, null, managers, Resources.TASK, false,
            Permissions.READ, TaskPermissions.TASK_ASSIGN));
      }
    }
    return all.toArray(AuthorizationEntity[]::new);
  }
}
