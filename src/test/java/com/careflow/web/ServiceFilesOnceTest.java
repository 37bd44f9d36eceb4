package com.careflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.careflow.support.CareFlowSpringTest;
import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.catalina.Context;
import org.camunda.bpm.engine.rest.spi.ProcessEngineProvider;
import org.camunda.bpm.engine.rest.util.EngineUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;

/**
 * Camunda's REST API looks its engine up through a service file for every resource of every
 * request: the web requests' class loader reads such a file once, and finds what the
 * application's own class loader finds.
 */
@CareFlowSpringTest
class ServiceFilesOnceTest {

  @Autowired
  ServletWebServerApplicationContext application;

  @Test
  void aServiceFileIsReadOnceAndSaysWhatItSaid() throws IOException {
    AtomicInteger searches = new AtomicInteger();
    ClassLoader jars = new ClassLoader(getClass().getClassLoader()) {
      @Override
      public Enumeration<URL> getResources(String name) throws IOException {
        searches.incrementAndGet();
        return super.getResources(name);
      }
    };
    ClassLoader requests = new ServiceFilesOnce.ServiceFilesLoader(jars);

    List<String> first = providers(requests);
    List<String> second = providers(requests);

    assertThat(first).isNotEmpty().isEqualTo(providers(getClass().getClassLoader()))
        .isEqualTo(second);
    assertThat(searches).hasValue(1);
    assertThat(requests.getResources("META-INF/spring.factories").hasMoreElements())
        .as("other resources are looked up as before").isTrue();
    assertThat(searches).hasValue(2);
  }

  @Test
  void theRestApiOfTheRunningApplicationFindsItsEngineThroughIt() throws Exception {
    Context web = (Context) ((TomcatWebServer) application.getWebServer()).getTomcat().getHost()
        .findChildren()[0];
    ClassLoader requests = web.getLoader().getClassLoader();
    assertThat(requests.getParent()).isInstanceOf(ServiceFilesOnce.ServiceFilesLoader.class);

    ClassLoader before = Thread.currentThread().getContextClassLoader();
    Thread.currentThread().setContextClassLoader(requests);
    try {
      assertThat(EngineUtil.lookupProcessEngine(null).getName()).isEqualTo("default");
    } finally {
      Thread.currentThread().setContextClassLoader(before);
    }
  }

  private static List<String> providers(ClassLoader loader) {
    List<String> names = new ArrayList<>();
    ServiceLoader.load(ProcessEngineProvider.class, loader).stream()
        .forEach(provider -> names.add(provider.type().getName()));
    return names;
  }
}
