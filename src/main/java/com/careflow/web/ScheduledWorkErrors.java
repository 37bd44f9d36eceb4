package com.careflow.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.ErrorHandler;

/**
 * CareFlow's scheduled work (the notice relay, the overdue sweep, the register retention) meets
 * a database that cannot be reached with one line in the log each time it tries, not a stack
 * trace every ten seconds for the length of an outage: the work is simply tried again on its
 * next round. Any other failure is logged in full.
 */
@Configuration(proxyBeanMethods = false)
public class ScheduledWorkErrors {

  private static final Logger LOG = LoggerFactory.getLogger(ScheduledWorkErrors.class);

  @Bean
  ThreadPoolTaskSchedulerCustomizer databaseOutagesInOneLine() {
    ErrorHandler handler = failure -> {
      if (DatabaseFailures.isUnavailable(failure)) {
        LOG.warn("Scheduled work waits for the database, which cannot be reached: {}",
            failure.toString());
      } else {
        LOG.error("Scheduled work failed; it runs again on its next round", failure);
      }
    };
    return scheduler -> scheduler.setErrorHandler(handler);
  }
}
