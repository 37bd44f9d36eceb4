package com.careflow.promotion;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An internal competition for a vacant post (内部竞聘, SPEC §4.4): HR publishes it, candidates
 * register until the closing date, the panel scores the eligible ones.
 *
 * @param panel the review panel's Tasklist users (评审小组)
 */
public record Competition(String id, String post, int targetGrade, int places,
    String eligibility, LocalDate closesOn, List<String> panel, String publishedBy,
    Instant publishedAt, Status status, String processInstanceId) {

  /** OPEN for registration; CLOSED once it closes; DECIDED once ranked. */
  public enum Status { OPEN, CLOSED, DECIDED }
}
