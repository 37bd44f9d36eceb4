package com.careflow.register;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.camunda.bpm.engine.HistoryService;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * SPEC §1.9, records are kept 1 year, important ones long term, in CareFlow's registers (the
 * engine's history goes by each process's history time to live and the engine's history
 * cleanup). Every night ({@code careflow.retention.cron}) it removes:
 * <ul>
 *   <li>each closed complaint past its {@code retain_until} (1 year after it closed; an
 *       important one has none and stays), with its outcome, which lives on its row;
 *   <li>each settled or rejected return closed longer ago than {@code returns-kept} (1 year)
 *       whose complaint, if it had one, is gone: a return stays as long as its complaint;
 *   <li>the notices of what it removed, and staff mails sent longer ago than that.
 * </ul>
 * On the engine's clock, in one transaction; several nodes may run it (a row goes once).
 */
@Component
public class RegisterRetention {

  private static final Logger LOG = LoggerFactory.getLogger(RegisterRetention.class);

  /** What one purge removed. */
  public record Purged(int complaints, int returns, int notices) {}

  private final NamedParameterJdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final Duration returnsKept;
  private final HistoryService history;

  public RegisterRetention(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactions,
      @Value("${careflow.retention.returns-kept:P365D}") Duration returnsKept,
      HistoryService history) {
    this.history = history;
    this.jdbc = jdbc;
    this.transaction = new TransactionTemplate(transactions);
    this.returnsKept = returnsKept;
  }

  @Scheduled(cron = "${careflow.retention.cron:0 30 1 * * *}")
  void nightly() {
    Purged purged = purge(ClockUtil.getCurrentTime().toInstant());
    LOG.info("Retention: removed {} complaints, {} returns and {} notices past their time",
        purged.complaints(), purged.returns(), purged.notices());
    int kept = keepImportantHistory();
    LOG.info("Retention: the handling history of {} more important cases is kept long term", kept);
  }

  /**
   * An important case keeps its handling history long term too (SPEC §1.9: 重要的资料延期保存), not
   * only its register row: the engine sets each finished case's removal time from its process's
   * history time to live (1 year), and this clears it for every closed important complaint that
   * still has one (a batch, run by the job executor; Cockpit shows it). The engine's history
   * cleanup then never removes its tasks, decisions and variables. Returns how many it cleared.
   */
  public int keepImportantHistory() {
    List<String> instances = jdbc.queryForList("SELECT process_instance_id FROM complaint "
        + "WHERE important = TRUE AND status = 'CLOSED' AND process_instance_id IS NOT NULL",
        new MapSqlParameterSource(), String.class);
    List<String> withAnEnd = new java.util.ArrayList<>();
    for (int from = 0; from < instances.size(); from += 500) {
      history.createHistoricProcessInstanceQuery()
          .processInstanceIds(new java.util.HashSet<>(instances.subList(from,
              Math.min(from + 500, instances.size()))))
          .list().stream().filter(instance -> instance.getRemovalTime() != null)
          .forEach(instance -> withAnEnd.add(instance.getId()));
    }
    if (!withAnEnd.isEmpty()) {
      history.setRemovalTimeToHistoricProcessInstances().clearedRemovalTime()
          .byIds(withAnEnd.toArray(String[]::new)).hierarchical().executeAsync();
    }
    return withAnEnd.size();
  }

  /** Removes what is past its retention at {@code now}. */
  public Purged purge(Instant now) {
    MapSqlParameterSource at = new MapSqlParameterSource("now", Timestamp.from(now))
        .addValue("returnsBefore", Timestamp.from(now.minus(returnsKept)));
    return transaction.execute(status -> {
      List<String> complaints = jdbc.queryForList("SELECT number FROM complaint "
          + "WHERE retain_until IS NOT NULL AND retain_until < :now", at, String.class);
      List<String> returns = jdbc.queryForList("SELECT r.number FROM product_return r "
          + "WHERE r.closed_at < :returnsBefore AND NOT EXISTS (SELECT 1 FROM complaint c "
          + "WHERE c.number = r.complaint_number AND (c.retain_until IS NULL "
          + "OR c.retain_until >= :now))", at, String.class);
      int notices = 0;
      for (List<String> cases : List.of(complaints, returns)) {
        for (int from = 0; from < cases.size(); from += 500) {
          MapSqlParameterSource batch = new MapSqlParameterSource("cases",
              cases.subList(from, Math.min(from + 500, cases.size())));
          notices += jdbc.update("DELETE FROM notice_delivery WHERE case_number IN (:cases)",
              batch);
          jdbc.update("DELETE FROM customer_notification WHERE case_number IN (:cases)", batch);
          jdbc.update("DELETE FROM product_return WHERE number IN (:cases)", batch);
          jdbc.update("DELETE FROM responsibility_decision WHERE complaint_number IN (:cases)",
              batch);
          jdbc.update("DELETE FROM complaint WHERE number IN (:cases)", batch);
        }
      }
      notices += jdbc.update("DELETE FROM notice_delivery WHERE notification_id IS NULL "
          + "AND status = 'SENT' AND sent_at < :returnsBefore", at);
      return new Purged(complaints.size(), returns.size(), notices);
    });
  }
}
