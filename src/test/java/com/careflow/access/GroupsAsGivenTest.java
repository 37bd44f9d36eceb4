package com.careflow.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.careflow.support.CareFlowSpringTest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A person's groups go into the engine's authorization checks as they are, without the query
 * that first narrowed them to the groups with some authorization; every answer stays the same:
 * a group with a grant is granted, a group without one is not, in a few groups or in many.
 */
@CareFlowSpringTest
class GroupsAsGivenTest {

  private static final String GRANTED = "groups-as-given-test";
  private static final String RESOURCE = "groups-as-given-test-process";

  @Autowired
  ProcessEngine engine;

  @Autowired
  AuthorizationService authorizations;

  private String grant;

  @BeforeEach
  void aGroupWithAGrant() {
    Authorization read = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    read.setGroupId(GRANTED);
    read.setResource(Resources.PROCESS_DEFINITION);
    read.setResourceId(RESOURCE);
    read.addPermission(Permissions.READ);
    grant = authorizations.saveAuthorization(read).getId();
  }

  @AfterEach
  void withdrawIt() {
    authorizations.deleteAuthorization(grant);
  }

  @Test
  void theEngineChecksAPersonsGroupsAsTheyAre() {
    List<String> groups = List.of(GRANTED, "a-group-without-any-grant");
    List<String> checked = engine().getCommandExecutorTxRequired().execute(context -> {
      AuthorizationManager manager = context.getAuthorizationManager();
      assertThat(manager).isInstanceOf(GroupsAsGiven.class);
      return manager.filterAuthenticatedGroupIds(groups);
    });
    assertThat(checked).containsExactlyElementsOf(groups);
  }

  @Test
  void everyAnswerStaysTheSame() {
    assertThat(readable(List.of("another-group-without-any-grant", GRANTED))).isTrue();
    assertThat(readable(List.of("another-group-without-any-grant", "a-group-without-any-grant"))).isFalse();
    assertThat(readable(List.of())).isFalse();

    List<String> many = new ArrayList<>(IntStream.range(0, GroupsAsGiven.AS_GIVEN_UP_TO + 10)
        .mapToObj(i -> "directory-group-" + i).toList());
    assertThat(readable(many)).as("in many groups, none of them granted").isFalse();
    many.add(GRANTED);
    assertThat(readable(many)).as("in many groups, one granted").isTrue();
  }

  private boolean readable(List<String> groups) {
    return authorizations.isUserAuthorized("groups-as-given-someone", groups, Permissions.READ,
        Resources.PROCESS_DEFINITION, RESOURCE);
  }

  private ProcessEngineConfigurationImpl engine() {
    return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }
}
