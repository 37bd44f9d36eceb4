package com.careflow.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.careflow.support.EmbeddedPostgresExtension;
import com.careflow.support.OwnApplication;
import java.sql.Connection;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The production profile on a real PostgreSQL: the engine creates its schema, every model is
 * deployed, the staff groups exist without any demo user, and a process runs to its end.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
@SpringBootTest(properties = "camunda.bpm.admin-user.password=Pg-test-7319-heron")
@ActiveProfiles("postgres")
@DirtiesContext
@Tag(OwnApplication.TAG)
class PostgresPlatformTest {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    EmbeddedPostgresExtension.registerDataSource(registry);
  }

  @Autowired private ProcessEngine engine;
  @Autowired private DataSource dataSource;
  @Autowired private ModelDeployer deployer;

  @BeforeEach
  void init() {
    AbstractAssertions.init(engine);
  }

  @AfterEach
  void reset() {
    AbstractAssertions.reset();
  }

  @Test
  void theEngineRunsOnPostgresql16() throws Exception {
    try (Connection connection = dataSource.getConnection()) {
      assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
      assertThat(connection.getMetaData().getDatabaseMajorVersion()).isEqualTo(16);
    }
  }

  @Test
  void everyModelIsDeployed() {
    RepositoryService repository = engine.getRepositoryService();
    String deploymentId = repository.createDeploymentQuery().deploymentName("careflow")
        .singleResult().getId();
    assertThat(repository.getDeploymentResourceNames(deploymentId))
        .containsExactlyInAnyOrderElementsOf(deployer.findModels().keySet());
    assertThat(repository.createDecisionDefinitionQuery()
        .decisionDefinitionKey("platform-smoke-routing").count()).isOne();
  }

  @Test
  void productionHasTheGroupsAndTheAdministratorButNoDemoUsers() {
    assertThat(engine.getIdentityService().createGroupQuery().groupId("cs-agents").count())
        .isOne();
    assertThat(engine.getIdentityService().createUserQuery().list())
        .extracting(user -> user.getId()).containsExactly("admin");
    assertThat(engine.getIdentityService().checkPassword("admin", "Pg-test-7319-heron")).isTrue();
  }

  @Test
  void aProcessRunsToItsEnd() {
    ProcessInstance instance = engine.getRuntimeService()
        .startProcessInstanceByKey("platform-smoke", Map.of("customer", "Zhang San"));
    assertThat(instance).isWaitingAt("RecordSmoke");
    execute(job());
    assertThat(instance).isWaitingAt("ConfirmSmoke");
    complete(task(), withVariables("confirmed", true));
    assertThat(instance).hasPassed("SmokeConfirmed").isEnded();
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceId(instance.getId()).finished().count()).isOne();
  }

  @Test
  void aDecisionEvaluatesOnPostgresql() {
    String group = engine.getDecisionService().evaluateDecisionTableByKey("platform-smoke-routing")
        .variables(Map.of("amount", 1000)).evaluate().getSingleResult().getSingleEntry();
    assertThat(group).isEqualTo("cs-managers");
  }
}
