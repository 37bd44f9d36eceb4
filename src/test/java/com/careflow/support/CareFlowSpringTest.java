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
 * <p>A test that starts and stops an application of its own belongs elsewhere: tag it
 * {@link OwnApplication#TAG} so that it runs in a JVM of its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
public @interface CareFlowSpringTest {}
