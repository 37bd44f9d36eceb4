package com.careflow.notify;

/**
 * What a customer is told about a case.
 *
 * @param caseNumber the complaint or return number, e.g. {@code CP-2611-0001}
 * @param kind why we write, e.g. {@code ACKNOWLEDGEMENT}, {@code OUTCOME}
 * @param template the text's file in {@code notices/}, e.g. {@code complaint-outcome}
 * @param customerName whom we write to
 * @param customerPhone where to reach them by SMS
 * @param customerEmail where to reach them by e-mail, if they gave an address
 * @param message the text
 */
public record CustomerNotice(String caseNumber, String kind, String template, String customerName,
    String customerPhone, String customerEmail, String message) {}
