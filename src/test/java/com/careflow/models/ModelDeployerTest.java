package com.careflow.models;

import com.careflow.locale.LocaleProperties;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.careflow.support.CareFlowSpringTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Models are deployed at start under stable names, and a restart only makes new versions of
 * the models that changed.
 */
@CareFlowSpringTest
class ModelDeployerTest {

  private static final Path SMOKE_BPMN = Path.of("src/test/resources/models/platform-smoke.bpmn");
  private static final Path SMOKE_FORM =
      Path.of("src/test/resources/models/platform-smoke-confirm.form");

  @Autowired
  private ProcessEngine engine;

  @Autowired
  private ModelDeployer deployer;

  @Test
  void theStartDeploysEveryModelUnderItsFolderAndFileName() {
    RepositoryService repository = engine.getRepositoryService();
    Deployment deployment = repository.createDeploymentQuery().deploymentName("careflow")
        .singleResult();
    assertThat(repository.getDeploymentResourceNames(deployment.getId()))
        .containsAll(deployer.findModels().keySet())
        .contains("models/platform-smoke.bpmn", "models/platform-smoke-confirm.form",
            "models/platform-smoke-routing.dmn");
  }

  @Test
  void aRestartWithUnchangedModelsMakesNoNewVersion() {
    RepositoryService repository = engine.getRepositoryService();
    long deployments = repository.createDeploymentQuery().count();
    deployer.postProcessEngineBuild(engine);
    assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("platform-smoke")
        .latestVersion().singleResult().getVersion()).isOne();
  }

  @Test
  void aRestartWithOneChangedModelMakesANewVersionOfThatModelOnly() throws Exception {
    String bpmn = Files.readString(SMOKE_BPMN).replace("platform-smoke", "changed-smoke")
        .replace("platform-smoke-confirm", "changed-smoke-confirm");
    String form = Files.readString(SMOKE_FORM).replace("platform-smoke-confirm",
        "changed-smoke-confirm");
    ModelDeployer first = deployerOf(Map.of(
        "changed/smoke.bpmn", bpmn, "changed/smoke.form", form));
    first.postProcessEngineBuild(engine);

    String editedBpmn = bpmn.replace("Confirm smoke check", "Confirm the smoke check");
    ModelDeployer afterEdit = deployerOf(Map.of(
        "changed/smoke.bpmn", editedBpmn, "changed/smoke.form", form));
    afterEdit.postProcessEngineBuild(engine);

    RepositoryService repository = engine.getRepositoryService();
    List<ProcessDefinition> versions = repository.createProcessDefinitionQuery()
        .processDefinitionKey("changed-smoke").orderByProcessDefinitionVersion().asc().list();
    assertThat(versions).extracting(ProcessDefinition::getVersion).containsExactly(1, 2);
    assertThat(repository.getDeploymentResourceNames(versions.get(0).getDeploymentId()))
        .containsExactlyInAnyOrder("changed/smoke.bpmn", "changed/smoke.form");
    assertThat(repository.getDeploymentResourceNames(versions.get(1).getDeploymentId()))
        .containsExactly("changed/smoke.bpmn");
  }

  @Test
  void aLocationThatIsNotAFolderPatternIsRefused() {
    for (String location : List.of("/etc/*.bpmn", "classpath*:**/*.bpmn", "file:/etc/x.bpmn",
        "http://example.com/processes/*.bpmn")) {
      ModelDeployer wrong = new ModelDeployer(new ModelProperties(List.of(location), "careflow"),
          new PathMatchingResourcePatternResolver(), new LocaleProperties("zh"));
      assertThatThrownBy(wrong::findModels).as(location)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("classpath*:folder/*.ext or file:/path/to/folder/*.ext");
    }
  }

  @Test
  void aFolderOnDiskIsDeployedUnderTheSameNamesAsTheBuiltInModels(@TempDir Path owner)
      throws Exception {
    Path processes = Files.createDirectories(owner.resolve("copy/processes"));
    Files.copy(SMOKE_BPMN, processes.resolve("platform-smoke.bpmn"));
    ModelDeployer fromDisk = new ModelDeployer(new ModelProperties(
        List.of("file:" + processes + "/*.bpmn"), "careflow"),
        new PathMatchingResourcePatternResolver(), new LocaleProperties("zh"));
    assertThat(fromDisk.findModels()).containsOnlyKeys("processes/platform-smoke.bpmn");
  }

  /** A deployer whose "classpath" holds exactly these files, each under {@code folder/name}. */
  private static ModelDeployer deployerOf(Map<String, String> files) {
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver() {
      @Override
      public Resource[] getResources(String pattern) {
        String extension = pattern.substring(pattern.lastIndexOf('.'));
        return files.entrySet().stream()
            .filter(file -> file.getKey().endsWith(extension))
            .map(file -> new ByteArrayResource(file.getValue().getBytes(StandardCharsets.UTF_8)) {
              @Override
              public String getFilename() {
                return file.getKey().substring(file.getKey().indexOf('/') + 1);
              }
            })
            .toArray(Resource[]::new);
      }
    };
    return new ModelDeployer(new ModelProperties(
        List.of("classpath*:changed/*.bpmn", "classpath*:changed/*.form"), "changed-models"),
        resolver, new LocaleProperties("zh"));
  }
}
