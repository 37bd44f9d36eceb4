package com.careflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.careflow.web.RecentSignIns.Caller;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A REST caller signed in a moment ago is recalled by the very same password, and only then. */
class RecentSignInsTest {

  private static final Caller AGENT = new Caller(List.of("cs-agents"), List.of());
  private Instant now = Instant.parse("2026-11-30T08:00:00Z");
  private final Clock clock = new Clock() {
    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  };

  @Test
  void theSamePasswordWithinAMinuteIsRecalledWithItsGroups() {
    RecentSignIns recent = new RecentSignIns(Duration.ofMinutes(1), clock);
    recent.remember("agent", "s3cret-pass", AGENT);
    now = now.plusSeconds(59);
    assertThat(recent.recall("agent", "s3cret-pass")).contains(AGENT);
    assertThat(recent.recall("agent", "s3cret-pasS")).as("another password").isEmpty();
    assertThat(recent.recall("agent2", "s3cret-pass")).as("another user").isEmpty();
    now = now.plusSeconds(1);
    assertThat(recent.recall("agent", "s3cret-pass")).as("a minute later: ask again").isEmpty();
  }

  @Test
  void anIdentityChangeForgetsEveryone() {
    RecentSignIns recent = new RecentSignIns(Duration.ofMinutes(1), clock);
    recent.remember("agent", "s3cret-pass", AGENT);
    recent.forgetAll();
    assertThat(recent.recall("agent", "s3cret-pass")).isEmpty();
  }

  @Test
  void zeroRemembersNothing() {
    RecentSignIns recent = new RecentSignIns(Duration.ZERO, clock);
    recent.remember("agent", "s3cret-pass", AGENT);
    assertThat(recent.recall("agent", "s3cret-pass")).isEmpty();
  }
}
