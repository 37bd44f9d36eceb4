package com.careflow.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/** Tells whoever started CareFlow where to log in. */
@Component
public class ReadyBanner {

  private static final Logger LOG = LoggerFactory.getLogger(ReadyBanner.class);

  @EventListener
  public void onReady(ApplicationReadyEvent event) {
    if (!(event.getApplicationContext() instanceof WebServerApplicationContext web)) {
      return;
    }
    Environment environment = event.getApplicationContext().getEnvironment();
    String base = "http://localhost:" + web.getWebServer().getPort();
    String apps = base + environment.getProperty("camunda.bpm.webapp.application-path", "/camunda");
    LOG.info("CareFlow is ready. Log in at {}/app/tasklist/ (Tasklist), {}/app/cockpit/ (Cockpit), "
        + "{}/app/admin/ (Admin); REST API at {}/engine-rest", apps, apps, apps, base);
    if (environment.acceptsProfiles(Profiles.of("demo"))) {
      LOG.warn("DEMO profile on the embedded H2 database: admin 'demo', and one demo user per "
          + "department (agent, csmanager, quality, ... see README), every password 'demo'.");
    }
  }
}
