package com.careflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * CareFlow: a customer-service company's written procedures as executable BPMN on an embedded
 * Camunda 7 engine. Each procedure lives in a package of its own; shared infrastructure in
 * {@code calendar}, {@code identity}, {@code models}, {@code startup} and {@code web}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class CareFlowApplication {

  public static void main(String[] args) {
    SpringApplication.run(CareFlowApplication.class, args);
  }
}
