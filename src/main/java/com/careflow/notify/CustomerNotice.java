package com.careflow.notify;

/**
 * What a customer is told about a case.
 *
 * @param caseNumber the complaint or return number, e.g. {@code CP-2611-0001}
 * @param kind why we write, e.g. {@code ACKNOWLEDGEMENT}, {@code OUTCOME}
 * @param customerName whom we write to
 * @param customerPhone where to reach them
 * @param message the text
 */
public record CustomerNotice(String caseNumber, String kind, String customerName,
    String customerPhone, String message) {}
