package com.careflow.models;

import com.careflow.locale.LocaleProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the BPMN, DMN and Camunda Form files of {@code processes/} and {@code forms/} when the
 * engine starts. Resource names are stable ({@code processes/complaint-handling.bpmn}) however
 * the app is launched, and only resources that changed since the last start make a new version,
 * so a process owner edits a model in Camunda Modeler, restarts, and sees exactly that model
 * get a new version. Models are deployed in the company's language ({@link ModelLanguage}). (It
 * replaces the starter's auto-deployment, which names resources by their
 * absolute file path under {@code spring-boot:run} and does not pick up {@code .form} files.)
 */
@Component
@Order(0)
public class ModelDeployer extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(ModelDeployer.class);
  private static final String CLASSPATH_PREFIX = "classpath*:";
  private static final String FILE_PREFIX = "file:";

  private final ModelProperties models;
  private final ResourcePatternResolver resolver;
  private final ModelLanguage language;

  public ModelDeployer(ModelProperties models, ResourcePatternResolver resolver,
      LocaleProperties locale) {
    this.models = models;
    this.resolver = resolver;
    this.language = new ModelLanguage(locale.defaultLanguage());
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    Map<String, Resource> resources = findModels();
    if (resources.isEmpty()) {
      LOG.warn("No models found in {}", models.locations());
      return;
    }
    RepositoryService repository = engine.getRepositoryService();
    DeploymentBuilder deployment = repository.createDeployment()
        .name(models.deploymentName())
        .source(models.deploymentName())
        .enableDuplicateFiltering(true);
    resources.forEach((name, resource) -> deployment.addInputStream(name, open(name, resource)));
    Deployment latest = latestDeployment(repository);
    Deployment deployed = deployment.deploy();
    if (latest != null && latest.getId().equals(deployed.getId())) {
      LOG.info("Models unchanged: {}", resources.keySet());
    } else {
      LOG.info("Deployed changed models {} (of {})",
          repository.getDeploymentResourceNames(deployed.getId()), resources.keySet());
    }
  }

  /**
   * Every model by its deployment name, e.g. {@code processes/complaint-handling.bpmn}: the
   * folder and the file name, whether the model comes from the classpath
   * ({@code classpath*:processes/*.bpmn}, the models built into the app) or from a folder on
   * disk ({@code file:/srv/careflow/processes/*.bpmn}, the process owner's copy). The same
   * name in both makes an edited copy a new version of the built-in model.
   */
  Map<String, Resource> findModels() {
    Map<String, Resource> byName = new TreeMap<>();
    for (String location : models.locations()) {
      String folder = folderOf(location);
      try {
        for (Resource resource : resolver.getResources(location)) {
          byName.put(folder + "/" + resource.getFilename(), resource);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read models at " + location, e);
      }
    }
    return byName;
  }

  /** The folder a location names models under: {@code processes} for both forms above. */
  private static String folderOf(String location) {
    int slash = location.lastIndexOf('/');
    String prefix = location.startsWith(CLASSPATH_PREFIX) ? CLASSPATH_PREFIX
        : location.startsWith(FILE_PREFIX) ? FILE_PREFIX : null;
    if (prefix == null || slash <= prefix.length()
        || location.substring(prefix.length(), slash).contains("*")
        || !location.substring(slash + 1).startsWith("*.")) {
      throw new IllegalArgumentException("careflow.models.locations must look like "
          + "classpath*:folder/*.ext or file:/path/to/folder/*.ext: " + location);
    }
    String path = location.substring(prefix.length(), slash);
    return prefix.equals(CLASSPATH_PREFIX) ? path : path.substring(path.lastIndexOf('/') + 1);
  }

  private Deployment latestDeployment(RepositoryService repository) {
    return repository.createDeploymentQuery()
        .deploymentName(models.deploymentName())
        .orderByDeploymentTime().desc()
        .listPage(0, 1)
        .stream().findFirst().orElse(null);
  }

  /** A model as deployed: in the company's language ({@link ModelLanguage}). */
  private InputStream open(String name, Resource resource) {
    try {
      return language.deployed(name, resource.getInputStream());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read model " + resource, e);
    }
  }
}
