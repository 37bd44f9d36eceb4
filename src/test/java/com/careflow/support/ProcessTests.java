package com.careflow.support;

import com.careflow.calendar.CalendarProperties;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.Set;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.test.mock.Mocks;

/** What the process tests share: the company calendar they run on, and the clean-up after. */
public final class ProcessTests {

  public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  private ProcessTests() {}

  /** The company's zone with a Monday-to-Friday week and no public holidays. */
  public static CalendarProperties weekdaysInShanghai() {
    return new CalendarProperties(SHANGHAI, Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
        Set.of(), Set.of());
  }

  /** Forgets the test's delegates, puts the engine clock back and the assertions' engine. */
  public static void reset() {
    Mocks.reset();
    ClockUtil.reset();
    AbstractAssertions.reset();
  }
}
