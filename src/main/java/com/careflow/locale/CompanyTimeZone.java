package com.careflow.locale;

import java.time.ZoneId;
import java.util.TimeZone;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The company's time zone ({@code careflow.calendar.zone}, Asia/Shanghai by default) is the
 * JVM's, set before anything starts: the engine's timers (the monthly review's cron at 08:00 on
 * the 1st), due dates made with {@code dateTime()}, the report page and the CSV all read the
 * clock the way the staff do, whatever zone the server's operating system is in.
 */
public class CompanyTimeZone implements EnvironmentPostProcessor {

  static final String PROPERTY = "careflow.calendar.zone";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment,
      SpringApplication application) {
    String zone = environment.getProperty(PROPERTY, "Asia/Shanghai");
    TimeZone.setDefault(TimeZone.getTimeZone(ZoneId.of(zone)));
  }
}
