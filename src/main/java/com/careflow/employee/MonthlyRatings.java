package com.careflow.employee;

import java.time.YearMonth;
import java.util.Map;

/**
 * One month's satisfaction ratings of an agent's cases (SPEC §1.8, §8.4).
 *
 * @param month the month the cases closed, in the company's zone
 * @param ratedCases the cases that closed with at least one rating
 * @param ratings per dimension (attitude, skill, timeliness, promise), how many cases got each
 *     rating (VERY_SATISFIED, SATISFIED, AVERAGE, POOR)
 */
public record MonthlyRatings(YearMonth month, int ratedCases,
    Map<String, Map<String, Long>> ratings) {}
