package com.careflow.identity;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import com.careflow.identity.IdentityProperties.StaffGroup;
import java.util.List;
import java.util.Map;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the department groups of SPEC §5 at start and grants them what their work needs:
 * Tasklist groups open Tasklist and read process definitions (diagrams, names); Cockpit groups
 * also watch instances, history and incidents and may repair and retry them; a group may also
 * start the processes listed under {@code starts}. Runs on every
 * start and only adds what is missing, so a group added to {@code application.yml} appears on
 * the next restart; nothing an administrator granted in Admin is taken away.
 */
@Component
@Order(10)
public class StaffGroups extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(StaffGroups.class);

  /** Every resource and permission a web application's users need, granted on all ids. */
  private static final Map<WebApp, Map<Resource, List<Permission>>> GRANTS =
      Map.of(
          WebApp.TASKLIST,
          Map.of(Resources.PROCESS_DEFINITION, List.of(Permissions.READ)),
          WebApp.COCKPIT,
          Map.of(
              Resources.PROCESS_DEFINITION,
              List.of(
                  Permissions.READ,
                  ProcessDefinitionPermissions.READ_INSTANCE,
                  ProcessDefinitionPermissions.READ_HISTORY,
                  ProcessDefinitionPermissions.READ_TASK,
                  ProcessDefinitionPermissions.UPDATE_INSTANCE,
                  ProcessDefinitionPermissions.RETRY_JOB),
              Resources.DECISION_DEFINITION,
              List.of(Permissions.READ, Permissions.READ_HISTORY),
              Resources.DECISION_REQUIREMENTS_DEFINITION,
              List.of(Permissions.READ),
              Resources.DEPLOYMENT,
              List.of(Permissions.READ)));

  private final IdentityProperties identity;

  public StaffGroups(IdentityProperties identity) {
    this.identity = identity;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    AuthorizationService authorizations = engine.getAuthorizationService();
    for (StaffGroup group : identity.groups()) {
      createIfMissing(engine.getIdentityService(), group);
      for (WebApp app : group.apps()) {
        grant(authorizations, group.id(), Resources.APPLICATION, app.resourceId(),
            List.of(Permissions.ACCESS));
        GRANTS.get(app).forEach((resource, permissions) ->
            grant(authorizations, group.id(), resource, Authorization.ANY, permissions));
      }
      for (String processKey : group.starts()) {
        grant(authorizations, group.id(), Resources.PROCESS_DEFINITION, processKey,
            List.of(Permissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE));
        grant(authorizations, group.id(), Resources.PROCESS_INSTANCE, Authorization.ANY,
            List.of(Permissions.CREATE));
      }
    }
    LOG.info("Staff groups ready: {}", identity.groups().stream().map(StaffGroup::id).toList());
  }

  private static void createIfMissing(IdentityService identityService, StaffGroup staffGroup) {
    if (identityService.createGroupQuery().groupId(staffGroup.id()).count() > 0) {
      return;
    }
    Group group = identityService.newGroup(staffGroup.id());
    group.setName(staffGroup.name());
    group.setType(Groups.GROUP_TYPE_WORKFLOW);
    identityService.saveGroup(group);
    LOG.info("Created group {} ({})", staffGroup.id(), staffGroup.name());
  }

  /** Adds the permissions to the group's grant on the resource, creating the grant if needed. */
  static void grant(AuthorizationService authorizations, String groupId, Resource resource,
      String resourceId, List<Permission> permissions) {
    Authorization grant = authorizations.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT)
        .groupIdIn(groupId)
        .resourceType(resource)
        .resourceId(resourceId)
        .singleResult();
    if (grant == null) {
      grant = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
      grant.setGroupId(groupId);
      grant.setResource(resource);
      grant.setResourceId(resourceId);
    } else if (permissions.stream().allMatch(grant::isPermissionGranted)) {
      return;
    }
    permissions.forEach(grant::addPermission);
    authorizations.saveAuthorization(grant);
  }
}
