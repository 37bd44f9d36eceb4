package com.careflow.register;

import static org.assertj.core.api.Assertions.assertThat;

import com.careflow.complaint.ComplaintIntake;
import com.careflow.complaint.ComplaintRegister;
import com.careflow.complaint.ComplaintRequest;
import com.careflow.complaint.ComplaintRequest.Channel;
import com.careflow.complaint.ComplaintRequest.ComplaintType;
import com.careflow.customer.Customer;
import com.careflow.customer.Customer.Region;
import com.careflow.support.AsyncSteps;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * SPEC §1.9, records are kept 1 year and important ones long term, on the engine's clock: a
 * closed case is in the register and the engine's history 364 days after it closed and gone
 * at 366; an important case's register row and outcome stay. Runs on an engine and database of
 * its own (engine {@code retention}), because the history cleanup and the purge take every
 * record past its time, not only this test's.
 */
@SpringBootTest(properties = "camunda.bpm.process-engine-name=retention")
class RetentionTest {

  /** A Monday morning in Shanghai, 2026. */
  private static final Instant CLOSED = OffsetDateTime.parse("2026-03-02T10:00:00+08:00")
      .toInstant();

  @Autowired private ComplaintIntake intake;
  @Autowired private ComplaintRegister register;
  @Autowired private RegisterRetention retention;
  @Autowired private ProcessEngine engine;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aCaseIsKeptAYearAndAnImportantOneWithoutEnd() {
    ClockUtil.setCurrentTime(Date.from(CLOSED));
    String answered = intake.register(contact(ComplaintType.CONSULTATION, true), "agent")
        .number();
    runDue(answered); // answered on the spot: archived at once
    String important = intake.register(contact(ComplaintType.COMPLAINT, false), "agent")
        .number();
    engine.getTaskService().complete(engine.getTaskService().createTaskQuery()
        .processInstanceBusinessKey(important).singleResult().getId(), Map.of(
            "complaintValid", false, "triageNote", "Stored in the sun.", "important", true,
            "severe", false, "paymentWithheld", false));
    com.careflow.support.Worklist.ruleOnTheComplaint(engine, important, false,
        "Stored in the sun.");
    // explained, and sampled for a spot check one time in ten before it closes
    com.careflow.support.Worklist.passTheSpotCheckIfDrawn(engine, important);
    // the nightly retention keeps an important case's engine history long term (SPEC §1.9)
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(important).singleResult().getRemovalTime())
        .as("the engine's own removal time, before").isNotNull();
    assertThat(retention.keepImportantHistory()).isOne();
    runBatches();
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(important).singleResult().getRemovalTime()).isNull();
    assertThat(retention.keepImportantHistory()).as("once").isZero();

    assertThat(register.find(answered).orElseThrow().retainUntil())
        .isEqualTo(CLOSED.atOffset(ZoneOffset.UTC).plusYears(1).toInstant());
    assertThat(register.find(important).orElseThrow().retainUntil()).as("kept without end")
        .isNull();
    HistoricProcessInstance history = history(answered);
    assertThat(history.getRemovalTime()).as("the history's time to live, 365 days from its end")
        .isEqualTo(Date.from(history.getEndTime().toInstant().plus(Duration.ofDays(365))));

    at(CLOSED.plus(Duration.ofDays(364)));
    assertThat(retention.purge(CLOSED.plus(Duration.ofDays(364))).complaints()).isZero();
    cleanUpHistory();
    assertThat(register.find(answered)).as("364 days after it closed").isPresent();
    assertThat(history(answered)).isNotNull();

    at(CLOSED.plus(Duration.ofDays(366)));
    RegisterRetention.Purged purged = retention.purge(CLOSED.plus(Duration.ofDays(366)));
    cleanUpHistory();
    assertThat(purged.complaints()).isOne();
    assertThat(register.find(answered)).as("366 days after it closed").isEmpty();
    assertThat(history(answered)).isNull();
    assertThat(register.find(important)).as("an important case's register row stays")
        .hasValueSatisfying(entry -> {
          assertThat(entry.status()).isEqualTo("CLOSED");
          assertThat(entry.complaintValid()).isFalse();
          assertThat(entry.important()).isTrue();
        });
    assertThat(history(important)).as("and its handling history: tasks, decisions, notes")
        .isNotNull();
    assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery()
        .processInstanceBusinessKey(important).taskDefinitionKey("TriageComplaint").count())
        .isOne();
  }

  private static ComplaintRequest contact(ComplaintType type, boolean onTheSpot) {
    return new ComplaintRequest(Channel.PHONE, type,
        new Customer("Qian Wu", "13900000009", null, null, Region.DOMESTIC), "Shelf life",
        "How long does it keep?", null, null, null, null, onTheSpot);
  }

  private void at(Instant now) {
    ClockUtil.setCurrentTime(Date.from(now));
  }

  /** The engine's nightly history cleanup, run now. */
  private void cleanUpHistory() {
    Job cleanup = engine.getHistoryService().cleanUpHistoryAsync(true);
    engine.getManagementService().executeJob(cleanup.getId());
  }

  /** The job executor's part of Camunda's batches (off in the Spring tests): seed, then work. */
  private void runBatches() {
    for (int round = 0; round < 5; round++) {
      for (Job job : engine.getManagementService().createJobQuery().executable().list()) {
        if (job.getProcessInstanceId() == null) {
          engine.getManagementService().executeJob(job.getId());
        }
      }
    }
    engine.getManagementService().createBatchQuery().list().forEach(batch ->
        engine.getManagementService().deleteBatch(batch.getId(), true));
  }

  private HistoricProcessInstance history(String number) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(number).singleResult();
  }

  private void runDue(String number) {
    AsyncSteps.runDue(engine, number);
  }
}
