package com.careflow.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The whole application as the demo profile runs it, on a private in-memory H2 database and a
 * random port, with the job executor off. Every test class with it shares one context.
 *
 * <p>Its engine is named {@code default}, the name the REST API looks up in Camunda's static
 * engine registry. Any other application a test starts must name its engine differently
 * ({@code camunda.bpm.process-engine-name}): closing it would otherwise unregister this one.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
public @interface CareFlowSpringTest {}
