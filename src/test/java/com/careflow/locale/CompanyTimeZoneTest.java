package com.careflow.locale;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.TimeZone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/**
 * The company's zone is the JVM's from the start, whatever the server's: the engine's timers
 * (the monthly review at 08:00 on the 1st), its due dates and the reports read the staff's clock.
 */
class CompanyTimeZoneTest {

  private final TimeZone before = TimeZone.getDefault();

  @AfterEach
  void restore() {
    TimeZone.setDefault(before);
  }

  @Test
  void theConfiguredZoneBecomesTheJvmsZone() {
    TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
    MockEnvironment environment = new MockEnvironment()
        .withProperty("careflow.calendar.zone", "Asia/Urumqi");
    new CompanyTimeZone().postProcessEnvironment(environment, null);
    assertThat(TimeZone.getDefault().getID()).isEqualTo("Asia/Urumqi");
  }

  @Test
  void withoutASettingItIsShanghai() {
    TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
    new CompanyTimeZone().postProcessEnvironment(new MockEnvironment(), null);
    assertThat(TimeZone.getDefault().getID()).isEqualTo("Asia/Shanghai");
  }
}
