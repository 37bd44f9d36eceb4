package com.careflow.process;

import java.time.LocalDate;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** The engine's clock, which the process tests move: what day it is in the company's zone. */
public final class EngineClock {

  private EngineClock() {}

  public static LocalDate today(ZoneId zone) {
    return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), zone);
  }
}
