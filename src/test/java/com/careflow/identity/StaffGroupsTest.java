package com.careflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.careflow.locale.LocaleProperties;
import com.careflow.support.CareFlowSpringTest;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@CareFlowSpringTest
class StaffGroupsTest {

  /** SPEC §5: the group ids are part of the contract. */
  private static final List<String> SPEC_GROUPS = List.of("cs-agents", "cs-managers", "quality",
      "rnd", "sales", "sales-managers", "management-office", "warehouse", "finance", "hr",
      "hr-managers", "trainers", "vice-presidents", "general-managers", "gm-office");

  private static final List<String> MANAGER_GROUPS = List.of("cs-managers", "sales-managers",
      "hr-managers", "vice-presidents", "general-managers", "gm-office");

  @Autowired private ProcessEngine engine;
  @Autowired private IdentityService identity;
  @Autowired private AuthorizationService authorizations;
  @Autowired private StaffGroups staffGroups;
  @Autowired private TasklistFilters tasklistFilters;
  @Autowired private DemoUsers demoUsers;

  @Test
  void everyDepartmentOfTheSpecIsAGroupWithAName() {
    List<Group> groups = identity.createGroupQuery().groupIdIn(SPEC_GROUPS.toArray(String[]::new))
        .list();
    assertThat(groups).extracting(Group::getId).containsExactlyInAnyOrderElementsOf(SPEC_GROUPS);
    assertThat(groups).allSatisfy(group -> assertThat(group.getName()).isNotBlank());
  }

  @Test
  void everyStaffGroupOpensTasklistAndOnlyManagersOpenCockpit() {
    for (String group : SPEC_GROUPS) {
      assertThat(allowed(group, Permissions.ACCESS, Resources.APPLICATION, "tasklist"))
          .as(group + " opens Tasklist").isTrue();
      assertThat(allowed(group, Permissions.ACCESS, Resources.APPLICATION, "cockpit"))
          .as(group + " opens Cockpit").isEqualTo(MANAGER_GROUPS.contains(group));
      assertThat(allowed(group, Permissions.ACCESS, Resources.APPLICATION, "admin"))
          .as(group + " opens Admin").isFalse();
    }
  }

  @Test
  void managersWatchTheirProcessesAndRetryJobsButNeverChangeInstances() {
    assertThat(allowed("cs-agents", Permissions.READ, Resources.PROCESS_DEFINITION, "any"))
        .isTrue();
    assertThat(allowed("cs-agents", ProcessDefinitionPermissions.READ_INSTANCE,
        Resources.PROCESS_DEFINITION, "complaint-handling")).isFalse();
    for (String manager : MANAGER_GROUPS) {
      String process = manager.equals("hr-managers") ? "staff-promotion" : "complaint-handling";
      for (Permission permission : List.of(ProcessDefinitionPermissions.READ_INSTANCE,
          ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.RETRY_JOB,
          ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE)) {
        assertThat(allowed(manager, permission, Resources.PROCESS_DEFINITION, process))
            .as(manager + " " + permission.getName() + " on " + process).isTrue();
      }
      for (String process2 : List.of("complaint-handling", "staff-promotion")) {
        for (Permission permission : List.of(ProcessDefinitionPermissions.UPDATE_INSTANCE,
            ProcessDefinitionPermissions.UPDATE_INSTANCE_VARIABLE,
            ProcessDefinitionPermissions.UPDATE_TASK_VARIABLE,
            ProcessDefinitionPermissions.DELETE_INSTANCE)) {
          assertThat(allowed(manager, permission, Resources.PROCESS_DEFINITION, process2))
              .as(manager + " never has " + permission.getName()).isFalse();
        }
      }
    }
  }

  @Test
  void personnelProcessesAreWatchedByHrManagersAndGeneralManagersOnly() {
    for (String group : SPEC_GROUPS) {
      boolean personnel = group.equals("hr-managers") || group.equals("general-managers");
      for (String process : List.of("staff-onboarding", "staff-promotion")) {
        assertThat(allowed(group, ProcessDefinitionPermissions.READ_HISTORY_VARIABLE,
            Resources.PROCESS_DEFINITION, process)).as(group + " reads " + process + " data")
            .isEqualTo(personnel);
      }
      assertThat(allowed(group, Permissions.READ_HISTORY, Resources.DECISION_DEFINITION,
          "promotion-eligibility")).as(group + " reads eligibility evaluations")
          .isEqualTo(personnel);
    }
  }

  @Test
  void aRightGivenByAnEarlierVersionIsWithdrawnAtStart() {
    // the grant session 1 gave every Cockpit group: update instances, variables included
    Authorization old = authorizations.createAuthorizationQuery().groupIdIn("gm-office")
        .resourceType(Resources.PROCESS_DEFINITION).resourceId(Authorization.ANY).singleResult();
    old.addPermission(ProcessDefinitionPermissions.UPDATE_INSTANCE);
    authorizations.saveAuthorization(old);
    assertThat(allowed("gm-office", ProcessDefinitionPermissions.UPDATE_INSTANCE,
        Resources.PROCESS_DEFINITION, "complaint-handling")).isTrue();

    staffGroups.postProcessEngineBuild(engine);

    assertThat(allowed("gm-office", ProcessDefinitionPermissions.UPDATE_INSTANCE,
        Resources.PROCESS_DEFINITION, "complaint-handling")).isFalse();
    assertThat(allowed("gm-office", ProcessDefinitionPermissions.READ_INSTANCE,
        Resources.PROCESS_DEFINITION, "complaint-handling")).isTrue();
  }

  @Test
  void theDemoHasAUserInEveryGroupAndAnAdministrator() {
    for (String group : SPEC_GROUPS) {
      assertThat(identity.createUserQuery().memberOfGroup(group).count()).as(group)
          .isPositive();
    }
    assertThat(identity.checkPassword("agent", "demo")).isTrue();
    assertThat(identity.createUserQuery().userId("demo").memberOfGroup("camunda-admin").count())
        .isOne();
  }

  /**
   * A restart leaves every grant as it is: in a cluster, a node that starts must not take a
   * right away from the people working on the others, not even for a moment.
   */
  @Test
  void restartingChangesNoGrant() {
    java.util.Set<String> before = authorizations.createAuthorizationQuery()
        .authorizationType(Authorization.AUTH_TYPE_GRANT).list().stream()
        .map(Authorization::getId).collect(java.util.stream.Collectors.toSet());

    staffGroups.postProcessEngineBuild(engine);

    assertThat(authorizations.createAuthorizationQuery()
        .authorizationType(Authorization.AUTH_TYPE_GRANT).list().stream()
        .map(Authorization::getId).collect(java.util.stream.Collectors.toSet()))
        .as("the same rows, none deleted and made again").isEqualTo(before);
  }

  @Test
  void restartingAddsNothingTwice() {
    long authorizationsBefore = authorizations.createAuthorizationQuery().count();
    long groupsBefore = identity.createGroupQuery().count();
    long membershipsBefore = identity.createUserQuery().memberOfGroup("cs-agents").count();
    long filtersBefore = engine.getFilterService().createFilterQuery().count();

    staffGroups.postProcessEngineBuild(engine);
    tasklistFilters.postProcessEngineBuild(engine);
    demoUsers.postProcessEngineBuild(engine);

    assertThat(authorizations.createAuthorizationQuery().count()).isEqualTo(authorizationsBefore);
    assertThat(identity.createGroupQuery().count()).isEqualTo(groupsBefore);
    assertThat(identity.createUserQuery().memberOfGroup("cs-agents").count())
        .isEqualTo(membershipsBefore);
    assertThat(engine.getFilterService().createFilterQuery().count()).isEqualTo(filtersBefore);
  }

  @Test
  void theSharedFiltersAreNamedInTheCompanysLanguage() {
    assertThat(filterNames()).contains("我的任务", "本部门待办");
    long filters = engine.getFilterService().createFilterQuery().count();
    new TasklistFilters(new LocaleProperties("en")).postProcessEngineBuild(engine);
    assertThat(filterNames()).contains("My tasks", "My departments' tasks")
        .doesNotContain("我的任务", "本部门待办");
    tasklistFilters.postProcessEngineBuild(engine);
    assertThat(filterNames()).contains("我的任务", "本部门待办");
    assertThat(engine.getFilterService().createFilterQuery().count()).isEqualTo(filters);
  }

  private List<String> filterNames() {
    return engine.getFilterService().createFilterQuery().list().stream()
        .map(org.camunda.bpm.engine.filter.Filter::getName).toList();
  }

  private boolean allowed(String group, Permission permission, Resource resource, String id) {
    return authorizations.isUserAuthorized("someone-of-" + group, List.of(group), permission,
        resource, id);
  }
}
