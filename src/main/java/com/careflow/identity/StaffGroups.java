package com.careflow.identity;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import com.careflow.identity.IdentityProperties.StaffGroup;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.util.ResourceTypeUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the department groups of SPEC §5 at start and grants them exactly what their work
 * needs (SPEC §7), nothing more:
 * <ul>
 *   <li>every staff group opens its apps and reads the process definitions (names, diagrams);
 *   <li>a group may start the processes listed under {@code starts};
 *   <li>a Cockpit group watches the processes and decisions listed under {@code watches}: their
 *       instances, history, tasks, incidents and variables; it retries failed jobs. It does not
 *       change instances or their variables: that is for {@code camunda-admin} alone.
 * </ul>
 * The work itself (a task's form) is granted per task by the engine to its candidates and
 * assignee ({@code access.DepartmentTaskAuthorizations}).
 *
 * <p>The configuration is the truth for the staff groups' grants on the resources listed in
 * {@link #MANAGED}: at every start a missing grant is added and a permission the configuration
 * does not give is taken away (logged as a warning), so that a database created by an earlier
 * version loses rights that version gave. Grants to individual users, and to other groups, are
 * an administrator's and are left alone.
 */
@Component
@Order(10)
public class StaffGroups extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(StaffGroups.class);

  /** The resources whose grants to staff groups follow the configuration. */
  static final Set<Resource> MANAGED = Set.of(Resources.APPLICATION, Resources.PROCESS_DEFINITION,
      Resources.PROCESS_INSTANCE, Resources.DECISION_DEFINITION,
      Resources.DECISION_REQUIREMENTS_DEFINITION, Resources.DEPLOYMENT);

  /** What a watched process shows a Cockpit group: never UPDATE_INSTANCE, nor a variable write. */
  static final List<Permission> WATCH_PROCESS = List.of(Permissions.READ,
      ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
      ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.RETRY_JOB,
      ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE,
      ProcessDefinitionPermissions.READ_HISTORY_VARIABLE,
      ProcessDefinitionPermissions.READ_TASK_VARIABLE);

  static final List<Permission> WATCH_DECISION = List.of(Permissions.READ,
      Permissions.READ_HISTORY);

  private final IdentityProperties identity;

  public StaffGroups(IdentityProperties identity) {
    this.identity = identity;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    checkConfiguration();
    AuthorizationService authorizations = engine.getAuthorizationService();
    String[] ids = identity.groups().stream().map(StaffGroup::id).toArray(String[]::new);
    // read once for all groups: a start costs two queries, not two per group
    Set<String> existing = engine.getIdentityService().createGroupQuery().groupIdIn(ids).list()
        .stream().map(Group::getId).collect(Collectors.toSet());
    Map<String, List<Authorization>> granted = authorizations.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT).groupIdIn(ids).list().stream()
        .collect(Collectors.groupingBy(Authorization::getGroupId));
    for (StaffGroup group : identity.groups()) {
      if (!existing.contains(group.id())) {
        createGroup(engine.getIdentityService(), group);
      }
      reconcile(authorizations, group.id(), granted.getOrDefault(group.id(), List.of()),
          grants(group));
    }
    LOG.info("Staff groups ready: {}", identity.groups().stream().map(StaffGroup::id).toList());
  }

  /** A resource and id, and the permissions a group holds on it. */
  record Grant(Resource resource, String resourceId) {}

  /** Everything the configuration gives a group, by resource and id. */
  static Map<Grant, Set<Permission>> grants(StaffGroup group) {
    Map<Grant, Set<Permission>> grants = new LinkedHashMap<>();
    for (WebApp app : group.apps()) {
      add(grants, Resources.APPLICATION, app.resourceId(), List.of(Permissions.ACCESS));
      add(grants, Resources.PROCESS_DEFINITION, Authorization.ANY, List.of(Permissions.READ));
      if (app == WebApp.COCKPIT) {
        add(grants, Resources.DECISION_DEFINITION, Authorization.ANY, List.of(Permissions.READ));
        add(grants, Resources.DECISION_REQUIREMENTS_DEFINITION, Authorization.ANY,
            List.of(Permissions.READ));
        add(grants, Resources.DEPLOYMENT, Authorization.ANY, List.of(Permissions.READ));
        group.watches().processes().forEach(key ->
            add(grants, Resources.PROCESS_DEFINITION, key, WATCH_PROCESS));
        group.watches().decisions().forEach(key ->
            add(grants, Resources.DECISION_DEFINITION, key, WATCH_DECISION));
      }
    }
    for (String processKey : group.starts()) {
      add(grants, Resources.PROCESS_DEFINITION, processKey,
          List.of(Permissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE));
      add(grants, Resources.PROCESS_INSTANCE, Authorization.ANY, List.of(Permissions.CREATE));
    }
    return grants;
  }

  private static void add(Map<Grant, Set<Permission>> grants, Resource resource, String id,
      List<Permission> permissions) {
    grants.computeIfAbsent(new Grant(resource, id), grant -> new LinkedHashSet<>())
        .addAll(permissions);
  }

  /**
   * Makes the group's grants on the managed resources ({@code current}, as read at start)
   * exactly the wanted ones.
   */
  static void reconcile(AuthorizationService authorizations, String groupId,
      List<Authorization> current, Map<Grant, Set<Permission>> wanted) {
    Set<Grant> seen = new HashSet<>();
    for (Authorization existing : current) {
      Resource resource = resourceOf(existing.getResourceType());
      if (resource == null || !MANAGED.contains(resource)) {
        continue;
      }
      Grant grant = new Grant(resource, existing.getResourceId());
      Set<Permission> permissions = wanted.get(grant);
      if (permissions == null || !seen.add(grant)) {
        LOG.warn("Withdrawn from group {}: {} on {} {} (not in careflow.identity)", groupId,
            names(granted(existing, resource)), resource.resourceName(), grant.resourceId());
        authorizations.deleteAuthorization(existing.getId());
        continue;
      }
      // compared by their bits: Permissions.READ and ProcessDefinitionPermissions.READ are
      // one permission, two objects
      Set<Permission> held = granted(existing, resource);
      if (mask(held) != mask(permissions)) {
        int wantedBits = mask(permissions);
        List<String> extra = held.stream()
            .filter(permission -> (permission.getValue() & wantedBits) == 0)
            .map(Permission::getName).sorted().toList();
        if (!extra.isEmpty()) {
          LOG.warn("Withdrawn from group {}: {} on {} {} (not in careflow.identity)", groupId,
              extra, resource.resourceName(), grant.resourceId());
        }
        authorizations.deleteAuthorization(existing.getId());
        create(authorizations, groupId, grant, permissions);
      }
    }
    wanted.forEach((grant, permissions) -> {
      if (!seen.contains(grant)) {
        create(authorizations, groupId, grant, permissions);
      }
    });
  }

  private static void create(AuthorizationService authorizations, String groupId, Grant grant,
      Set<Permission> permissions) {
    Authorization authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
    authorization.setGroupId(groupId);
    authorization.setResource(grant.resource());
    authorization.setResourceId(grant.resourceId());
    permissions.forEach(authorization::addPermission);
    authorizations.saveAuthorization(authorization);
  }

  private static int mask(Set<Permission> permissions) {
    return permissions.stream().mapToInt(Permission::getValue).reduce(0, (a, b) -> a | b);
  }

  private static Set<Permission> granted(Authorization authorization, Resource resource) {
    Permission[] all = ResourceTypeUtil.getPermissionsByResourceType(resource.resourceType());
    return Arrays.stream(authorization.getPermissions(all))
        .filter(permission -> permission.getValue() != Permissions.NONE.getValue()
            && permission.getValue() != Permissions.ALL.getValue())
        .collect(Collectors.toSet());
  }

  private static Resource resourceOf(int type) {
    return Arrays.stream(Resources.values()).filter(resource -> resource.resourceType() == type)
        .findFirst().orElse(null);
  }

  private static List<String> names(Set<Permission> permissions) {
    return permissions.stream().map(Permission::getName).sorted().toList();
  }

  /** Every group a department or the personnel list names must be configured, and watchers use Cockpit. */
  private void checkConfiguration() {
    Set<String> configured = identity.groups().stream().map(StaffGroup::id)
        .collect(Collectors.toSet());
    List<String> unknown = new ArrayList<>(new Departments(identity).namedGroups());
    unknown.removeAll(configured);
    if (!unknown.isEmpty()) {
      throw new IllegalStateException("careflow.identity names groups that are not configured "
          + "under careflow.identity.groups: " + unknown.stream().sorted().toList());
    }
    for (StaffGroup group : identity.groups()) {
      boolean watches = !group.watches().processes().isEmpty()
          || !group.watches().decisions().isEmpty();
      if (watches && !group.apps().contains(WebApp.COCKPIT)) {
        throw new IllegalStateException("careflow.identity.groups: " + group.id()
            + " watches processes but does not open Cockpit (apps: [tasklist, cockpit])");
      }
    }
  }

  private static void createGroup(IdentityService identityService, StaffGroup staffGroup) {
    Group group = identityService.newGroup(staffGroup.id());
    group.setName(staffGroup.name());
    group.setType(Groups.GROUP_TYPE_WORKFLOW);
    identityService.saveGroup(group);
    LOG.info("Created group {} ({})", staffGroup.id(), staffGroup.name());
  }
}
